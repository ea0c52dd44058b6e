/** A member's dependents. updateDependents replaces the whole list atomically. */
import { calendarDateIn, isCalendarDate } from "../clock";
import { requireMember } from "../domain/members";
import { type Schemas } from "../operation-types";
import { type FieldErrors, validationProblem } from "../problem";
import { type Handler, requireBody } from "./context";

const MAX_NAME_LENGTH = 50;

const getDependents: Handler<"getDependents"> = ({ store }, { path }) => ({
  status: 200,
  body: structuredClone(requireMember(store, path.memberId).dependents),
});

/** id 0 creates, an existing id overwrites, a dependent left out is deleted; any error rejects the whole list. */
const updateDependents: Handler<"updateDependents"> = (context, { path, body }) => {
  const { store, now, logger } = context;
  const member = requireMember(store, path.memberId);
  const sent = requireBody(body);
  const today = calendarDateIn(store.profile.time_zone ?? "UTC", now);
  const errors: FieldErrors = {};
  const seenIds = new Set<number>();
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  sent.forEach((dependent, index) => {
    const at = `[${index}]`;
    const id = dependent.id ?? 0;
    if (id !== 0 && !member.dependents.some((existing) => existing.id === id))
      fail(`${at}.id`, `Unknown dependent id ${id}.`);
    if (id !== 0 && seenIds.has(id)) fail(`${at}.id`, `Dependent ${id} appears more than once.`);
    seenIds.add(id);
    const name = dependent.name?.trim() ?? "";
    if (name.length < 1 || name.length > MAX_NAME_LENGTH)
      fail(`${at}.name`, `The name must be 1 to ${MAX_NAME_LENGTH} characters.`);
    if (dependent.birthdate === undefined) fail(`${at}.birthdate`, "The birthdate field is required.");
    else if (!isCalendarDate(dependent.birthdate))
      fail(`${at}.birthdate`, "The birthdate must be a real date in yyyy-MM-dd format.");
    else if (dependent.birthdate > today) fail(`${at}.birthdate`, "The birthdate cannot be in the future.");
  });
  if (Object.keys(errors).length > 0) throw validationProblem(errors);

  member.dependents = sent.map((dependent): Schemas["Dependent"] & { id: number } => {
    const id = dependent.id && dependent.id !== 0 ? dependent.id : context.nextId("dependent");
    const stored: Schemas["Dependent"] & { id: number } = {
      id,
      name: dependent.name?.trim(),
      birthdate: dependent.birthdate,
    };
    if (dependent.gender !== undefined) stored.gender = dependent.gender;
    return stored;
  });
  member.updatedAt = now.toISOString();
  logger.info("Dependents replaced", { storeId: store.id, memberId: member.id, count: member.dependents.length });
  return { status: 200, body: undefined };
};

export const dependentHandlers = { getDependents, updateDependents };
