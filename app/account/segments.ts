import type { FieldErrorCode, SegmentAnswer, SegmentField, SegmentType } from "@diller/storefront-contract";

import type { components } from "@diller/diller-contract";
import type { Member, StoreSegment } from "~/diller/schemas.server";

type SegmentValue = components["schemas"]["SegmentValue"];
type MemberSegment = NonNullable<Member["segments"]>[number];

/** Diller's segment types as the contract's; a type Diller adds later is not asked (no widget for it). */
const TYPE_OF: Record<string, SegmentType> = {
  Text: "text",
  DateTime: "date",
  Radio: "radio",
  Checkbox: "checkbox",
  Dropdown: "dropdown",
};

/** Longest text answer accepted (Diller's own limit is 500 characters in the sandbox). */
export const MAX_SEGMENT_TEXT = 500;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a real day (2026-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * One Diller segment as a form field, or null when the shopper must not see it: hidden from members
 * (`is_visible_to_follower: false`), without an id, or of a type the contract has no widget for.
 */
export function segmentFieldOf(segment: StoreSegment): SegmentField | null {
  const type = TYPE_OF[segment.type];
  if (segment.id === undefined || !type || segment.is_visible_to_follower === false) return null;
  const choices = type === "radio" || type === "checkbox" || type === "dropdown";
  return {
    id: String(segment.id),
    label: segment.text?.trim() ?? "",
    type,
    required: segment.is_required === true,
    options: choices
      ? (segment.options ?? []).flatMap((option) =>
          option.id === undefined ? [] : [{ id: String(option.id), label: option.text?.trim() ?? "" }],
        )
      : [],
  };
}

/** The visible segments of a store, in Diller's order. */
export function segmentFieldsOf(segments: readonly StoreSegment[]): SegmentField[] {
  return segments.map(segmentFieldOf).filter((field): field is SegmentField => field !== null);
}

/** A member's answers to the visible segments, as the form's values. */
export function memberSegmentAnswers(
  fields: readonly SegmentField[],
  segments: readonly MemberSegment[],
): SegmentAnswer[] {
  const answers: SegmentAnswer[] = [];
  for (const field of fields) {
    const answer = segments.find((segment) => String(segment.id) === field.id);
    if (!answer) continue;
    if (field.type === "text" || field.type === "date") {
      const value = field.type === "date" ? answer.value?.slice(0, 10) : answer.value;
      if (value) answers.push({ id: field.id, value });
    } else if (answer.selected_options?.length) {
      answers.push({ id: field.id, optionIds: answer.selected_options.map(String) });
    }
  }
  return answers;
}

export interface SegmentAnswersCheck {
  /** The answers as Diller takes them (one per answered segment). */
  values: SegmentValue[];
  /** `segments.<id>` → error code. */
  errors: Record<string, FieldErrorCode>;
}

/**
 * The shopper's answers checked against the store's visible segments and turned into Diller's
 * `SegmentValue`s. Required segments must be answered; an unknown segment or option is refused. With
 * `clearEmpty` (editing), an empty answer to an optional segment is sent empty, which clears it in
 * Diller; on joining it is left out.
 */
export function segmentValuesOf(
  fields: readonly SegmentField[],
  answers: readonly SegmentAnswer[],
  { clearEmpty = false }: { clearEmpty?: boolean } = {},
): SegmentAnswersCheck {
  const values: SegmentValue[] = [];
  const errors: Record<string, FieldErrorCode> = {};
  for (const answer of answers) {
    if (!fields.some((field) => field.id === answer.id)) errors[`segments.${answer.id}`] = "invalid_option";
  }
  for (const field of fields) {
    const path = `segments.${field.id}`;
    const answer = answers.find((candidate) => candidate.id === field.id);
    const outcome = valueOf(field, answer);
    if ("error" in outcome) {
      errors[path] = outcome.error;
    } else if (outcome.value) {
      values.push(outcome.value);
    } else if (field.required) {
      errors[path] = "required";
    } else if (clearEmpty && answer) {
      values.push(
        field.type === "text" || field.type === "date"
          ? { segment_id: Number(field.id), value: "" }
          : { segment_id: Number(field.id), selected_options: [] },
      );
    }
  }
  return { values, errors };
}

function valueOf(
  field: SegmentField,
  answer: SegmentAnswer | undefined,
): { value?: SegmentValue } | { error: FieldErrorCode } {
  const segmentId = Number(field.id);
  if (field.type === "text" || field.type === "date") {
    if (answer?.optionIds?.length) return { error: "invalid_option" };
    const value = answer?.value?.trim() ?? "";
    if (value === "") return {};
    if (field.type === "text" && value.length > MAX_SEGMENT_TEXT) return { error: "too_long" };
    if (field.type === "date" && !isCalendarDate(value)) return { error: "invalid_date" };
    return { value: { segment_id: segmentId, value } };
  }
  if (answer?.value) return { error: "invalid_option" };
  const chosen = [...new Set(answer?.optionIds ?? [])];
  if (chosen.some((id) => !field.options.some((option) => option.id === id))) return { error: "invalid_option" };
  if (chosen.length === 0) return {};
  if (field.type !== "checkbox" && chosen.length > 1) return { error: "invalid_option" };
  return { value: { segment_id: segmentId, selected_options: chosen.map(Number).sort((a, b) => a - b) } };
}
