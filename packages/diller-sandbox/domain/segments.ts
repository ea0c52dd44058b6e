/**
 * Segment answers. Text and DateTime segments take `value`; Radio and Dropdown exactly one of the
 * segment's option ids in `selected_options`; Checkbox any subset of them. An empty answer clears it,
 * which a required segment does not allow.
 */
import { isCalendarDate } from "../clock";
import { type Schemas } from "../operation-types";
import { type FieldErrors } from "../problem";
import { type StoreState } from "../state/schema";

type SegmentValue = Schemas["SegmentValue"];
type Segment = StoreState["segments"][number];

const MAX_TEXT_LENGTH = 500;

export interface SegmentCheck {
  errors: FieldErrors;
  /** Normalized non-empty answers, one per segment. */
  answers: SegmentValue[];
  /** Segment ids whose answer was sent empty (to be cleared). */
  cleared: number[];
}

export function checkSegmentAnswers(
  store: StoreState,
  sent: readonly SegmentValue[],
  field = "segments",
): SegmentCheck {
  const errors: FieldErrors = {};
  const answers: SegmentValue[] = [];
  const cleared: number[] = [];
  const seen = new Set<number>();
  const fail = (path: string, message: string) => (errors[path] ??= []).push(message);
  sent.forEach((answer, index) => {
    const at = `${field}[${index}]`;
    if (answer.segment_id === undefined) return fail(`${at}.segment_id`, "The segment_id field is required.");
    const segment = store.segments.find((candidate) => candidate.id === answer.segment_id);
    if (!segment) return fail(`${at}.segment_id`, `Unknown segment id ${answer.segment_id}.`);
    if (seen.has(segment.id)) return fail(`${at}.segment_id`, `Segment ${segment.id} is answered more than once.`);
    seen.add(segment.id);
    const outcome = normalizeAnswer(segment, answer);
    if ("error" in outcome) return fail(`${at}.${outcome.error.field}`, outcome.error.message);
    if (outcome.answer) answers.push(outcome.answer);
    else if (segment.is_required) fail(at, `Segment ${segment.id} (${segment.text ?? "untitled"}) is required.`);
    else cleared.push(segment.id);
  });
  return { errors, answers, cleared };
}

/** Required segments without an answer, as field errors on `segments`. */
export function missingRequiredSegments(store: StoreState, answers: readonly SegmentValue[]): FieldErrors {
  const answered = new Set(answers.map((answer) => answer.segment_id));
  const missing = store.segments.filter((segment) => segment.is_required && !answered.has(segment.id));
  if (missing.length === 0) return {};
  return {
    segments: missing.map((segment) => `Segment ${segment.id} (${segment.text ?? "untitled"}) is required.`),
  };
}

/** Replaces the answers to the segments that were sent and keeps the others. */
export function mergeSegmentAnswers(existing: readonly SegmentValue[], check: SegmentCheck): SegmentValue[] {
  const replaced = new Set([...check.answers.map((answer) => answer.segment_id), ...check.cleared]);
  return [...existing.filter((answer) => !replaced.has(answer.segment_id)), ...check.answers];
}

/** Every store segment with the member's answer, as MemberResponse.segments. */
export function memberSegments(
  store: StoreState,
  answers: readonly SegmentValue[],
): Schemas["MemberSegmentResponse"][] {
  return store.segments.map((segment) => {
    const answer = answers.find((candidate) => candidate.segment_id === segment.id);
    const response: Schemas["MemberSegmentResponse"] = {
      id: segment.id,
      text: segment.text,
      type: segment.type,
      is_visible_to_follower: segment.is_visible_to_follower,
      is_required: segment.is_required,
    };
    if (answer?.value !== undefined) response.value = answer.value;
    if (answer?.selected_options !== undefined) response.selected_options = answer.selected_options;
    return response;
  });
}

type Normalized = { answer?: SegmentValue } | { error: { field: string; message: string } };

function normalizeAnswer(segment: Segment, answer: SegmentValue): Normalized {
  const options = answer.selected_options ?? [];
  if (segment.type === "Text" || segment.type === "DateTime") {
    if (options.length > 0) {
      return {
        error: { field: "selected_options", message: `${segment.type} segments take value, not selected_options.` },
      };
    }
    const value = answer.value?.trim() ?? "";
    if (value === "") return {};
    if (segment.type === "Text" && value.length > MAX_TEXT_LENGTH) {
      return { error: { field: "value", message: `The value must be at most ${MAX_TEXT_LENGTH} characters.` } };
    }
    if (segment.type === "DateTime" && !isCalendarDate(value) && Number.isNaN(Date.parse(value))) {
      return { error: { field: "value", message: "The value must be a date (yyyy-MM-dd) or an ISO 8601 date-time." } };
    }
    return { answer: { segment_id: segment.id, value } };
  }
  if (answer.value !== undefined && answer.value !== "") {
    return { error: { field: "value", message: `${segment.type} segments take selected_options, not value.` } };
  }
  const known = new Set((segment.options ?? []).map((option) => option.id));
  const unknown = options.filter((option) => !known.has(option));
  if (unknown.length > 0) {
    return {
      error: {
        field: "selected_options",
        message: `Unknown option id(s) ${unknown.join(", ")} for segment ${segment.id}.`,
      },
    };
  }
  if (new Set(options).size !== options.length) {
    return { error: { field: "selected_options", message: "An option is selected more than once." } };
  }
  if (options.length === 0) return {};
  if (segment.type !== "Checkbox" && options.length !== 1) {
    return { error: { field: "selected_options", message: `${segment.type} segments take exactly one option.` } };
  }
  return { answer: { segment_id: segment.id, selected_options: [...options].sort((a, b) => a - b) } };
}
