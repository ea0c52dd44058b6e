/** Member lifecycle: register, enroll, search, get, update, delete, profile widget. */
import { randomBytes, randomUUID } from "node:crypto";

import { activeMembers, onGdprAccepted, requireMember, toMemberResponse } from "../domain/members";
import { formatPhone, fullDigits, normalizePhone, searchDigits } from "../domain/phone";
import { checkSegmentAnswers, mergeSegmentAnswers, missingRequiredSegments } from "../domain/segments";
import { type Schemas } from "../operation-types";
import { type FieldErrors, fieldProblem, validationProblem } from "../problem";
import { type MemberState, type StoreState } from "../state/schema";
import { type Handler, type HandlerContext, requireBody } from "./context";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const registerMember: Handler<"registerMember"> = (context, { body }) => {
  const { store, now, logger } = context;
  const request = requireBody(body);
  const phone = requirePhone(request.phone, "phone");
  assertPhoneFree(store, phone, "phone");
  const errors: FieldErrors = {
    ...checkEmail(request.email),
    ...checkDepartments(store, request.department_ids),
    ...checkBirthDate(request.birth_date, now),
  };
  const segments = checkSegmentAnswers(store, request.segments ?? []);
  Object.assign(errors, segments.errors);
  if (Object.keys(segments.errors).length === 0)
    Object.assign(errors, missingRequiredSegments(store, segments.answers));
  if (Object.keys(errors).length > 0) throw validationProblem(errors);

  const member = newMember(context, phone);
  Object.assign(member, {
    first_name: request.first_name,
    last_name: request.last_name,
    email: request.email?.trim(),
    birth_date: request.birth_date,
    address: request.address,
    gender: request.gender ?? "NotShared",
    additional_identifiers: request.additional_identifiers ?? [],
    department_ids: request.department_ids ?? [],
    origin: request.origin,
    segmentAnswers: segments.answers,
    consent: { ...member.consent, ...request.consent },
  });
  store.members.push(member);
  if (member.consent.gdpr_accepted) onGdprAccepted(store, member, now);
  logger.info("Member registered (sandbox: no welcome SMS or email is sent)", {
    storeId: store.id,
    memberId: member.id,
  });
  return { status: 200, body: toMemberResponse(store, member) };
};

const enrollMember: Handler<"enrollMember"> = (context, { body }) => {
  const { store, now, logger } = context;
  const request = requireBody(body);
  const phone = requirePhone(request.phone, "phone");
  if (!store.departments.some((department) => department.id === request.department_id)) {
    throw fieldProblem("department_id", `Unknown department '${request.department_id}'.`);
  }
  const existing = memberWithPhone(store, phone);
  if (existing?.consent.gdpr_accepted) {
    throw fieldProblem(
      "phone",
      "This phone number already belongs to an active member.",
      "The member is already enrolled.",
    );
  }
  if (existing) {
    existing.activationToken = newActivationToken();
    existing.updatedAt = now.toISOString();
    logger.info("Activation link re-sent (sandbox: not delivered)", { storeId: store.id, memberId: existing.id });
    return { status: 200, body: toMemberResponse(store, existing) };
  }
  const info = request.additional_info ?? {};
  const emailErrors = checkEmail(info.email, "additional_info.email");
  if (Object.keys(emailErrors).length > 0) throw validationProblem(emailErrors);
  const member = newMember(context, phone);
  Object.assign(member, {
    first_name: info.first_name,
    last_name: info.last_name,
    email: info.email?.trim(),
    address: info.address,
    additional_identifiers: info.additional_identifiers ?? [],
    department_ids: [request.department_id],
    origin: request.origin,
    activationToken: newActivationToken(),
  });
  store.members.push(member);
  logger.info("Member enrolled; activation link sent (sandbox: not delivered)", {
    storeId: store.id,
    memberId: member.id,
  });
  return { status: 200, body: toMemberResponse(store, member) };
};

const getMemberByFilter: Handler<"getMemberByFilter"> = ({ store }, { query }) => {
  const email = query.email?.trim().toLowerCase();
  const identifier = query.identifierValue?.trim();
  const token = query.activationToken?.trim();
  const phoneQuery = query.phone?.trim();
  if (!email && !identifier && !token && !phoneQuery) {
    throw fieldProblem("filter", "Provide at least one of email, phone, identifierValue or activationToken.");
  }
  const phone = phoneQuery ? searchDigits(phoneQuery, store.profile.phone?.country_code) : undefined;
  if (phoneQuery && !phone) throw fieldProblem("phone", "The value is not a phone number.");
  const matches = activeMembers(store).filter(
    (member) =>
      (!email || member.email?.toLowerCase() === email) &&
      (!identifier || member.additional_identifiers.includes(identifier)) &&
      (!token || member.activationToken === token) &&
      (!phone || fullDigits(member.phone) === phone),
  );
  return { status: 200, body: matches.map((member) => toMemberResponse(store, member)) };
};

const getMemberById: Handler<"getMemberById"> = ({ store }, { path }) => ({
  status: 200,
  body: toMemberResponse(store, requireMember(store, path.memberId)),
});

const updateMember: Handler<"updateMember"> = ({ store, now, logger }, { path, body }) => {
  const member = requireMember(store, path.memberId);
  const request = requireBody(body);
  const errors: FieldErrors = {
    ...checkEmail(request.email),
    ...checkDepartments(store, request.department_ids),
    ...checkBirthDate(request.birth_date, now),
  };
  const segments = request.segments ? checkSegmentAnswers(store, request.segments) : undefined;
  Object.assign(errors, segments?.errors);
  if (Object.keys(errors).length > 0) throw validationProblem(errors);

  const wasAccepted = member.consent.gdpr_accepted;
  const changes: Partial<MemberState> = {
    first_name: request.first_name,
    last_name: request.last_name,
    email: request.email?.trim(),
    birth_date: request.birth_date,
    additional_identifiers: request.additional_identifiers,
    gender: request.gender,
    address: request.address,
    department_ids: request.department_ids,
    origin: request.origin,
  };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) Object.assign(member, { [key]: value });
  if (request.consent) member.consent = { ...member.consent, ...request.consent };
  if (segments) member.segmentAnswers = mergeSegmentAnswers(member.segmentAnswers, segments);
  member.updatedAt = now.toISOString();
  if (!wasAccepted && member.consent.gdpr_accepted) onGdprAccepted(store, member, now);
  logger.info("Member updated", { storeId: store.id, memberId: member.id, fields: Object.keys(request) });
  return { status: 200, body: toMemberResponse(store, member) };
};

const deleteMember: Handler<"deleteMember"> = ({ store, now, logger }, { path }) => {
  const member = requireMember(store, path.memberId);
  member.deletedAt = now.toISOString();
  logger.info("Member flagged for deletion", { storeId: store.id, memberId: member.id });
  return {
    status: 200,
    body: { is_ok: true, details: "The member is flagged for deletion and purged after 10 days." },
  };
};

const getWidgetProfile: Handler<"getWidgetProfile"> = ({ store, publicBaseUrl }, { path }) => {
  const member = requireMember(store, path.memberId);
  const url = `${publicBaseUrl}/_sandbox/stores/${encodeURIComponent(store.id)}/members/${encodeURIComponent(member.id)}/profile`;
  return { status: 200, body: { details_url: url } };
};

export const memberHandlers = {
  registerMember,
  enrollMember,
  getMemberByFilter,
  getMemberById,
  updateMember,
  deleteMember,
  getWidgetProfile,
};

function newMember({ now }: HandlerContext, phone: Schemas["Phone"]): MemberState {
  const timestamp = now.toISOString();
  return {
    id: randomUUID(),
    createdAt: timestamp,
    updatedAt: timestamp,
    phone,
    gender: "NotShared",
    additional_identifiers: [],
    consent: { gdpr_accepted: false, save_order_history: false, receive_sms: false, receive_email: false },
    department_ids: [],
    segmentAnswers: [],
    points: 0,
    signupPointsAwarded: false,
    coupons: [],
    stampCards: [],
    dependents: [],
    invitedFriends: [],
  };
}

function newActivationToken(): string {
  return randomBytes(16).toString("hex");
}

/** The normalized phone, or a 400 naming `<field>.country_code` / `<field>.number`. */
export function requirePhone(phone: Schemas["Phone"], field: string): Schemas["Phone"] {
  const normalized = normalizePhone(phone);
  if (!normalized.ok) throw fieldProblem(field ? `${field}.${normalized.field}` : normalized.field, normalized.message);
  return normalized.phone;
}

function memberWithPhone(store: StoreState, phone: Schemas["Phone"]): MemberState | undefined {
  return activeMembers(store).find((member) => fullDigits(member.phone) === fullDigits(phone));
}

export function assertPhoneFree(
  store: StoreState,
  phone: Schemas["Phone"],
  field: string,
  exceptMemberId?: string,
): void {
  const owner = memberWithPhone(store, phone);
  if (owner && owner.id !== exceptMemberId) {
    throw fieldProblem(
      field,
      `${formatPhone(phone)} already belongs to a member of this store.`,
      "A member with this phone number already exists.",
    );
  }
}

function checkEmail(email: string | undefined, field = "email"): FieldErrors {
  if (email === undefined || EMAIL.test(email.trim())) return {};
  return { [field]: ["The value is not a valid email address."] };
}

function checkDepartments(store: StoreState, departmentIds: readonly string[] | undefined): FieldErrors {
  const unknown = (departmentIds ?? []).filter((id) => !store.departments.some((department) => department.id === id));
  return unknown.length > 0 ? { department_ids: [`Unknown department id(s): ${unknown.join(", ")}.`] } : {};
}

function checkBirthDate(birthDate: string | undefined, now: Date): FieldErrors {
  if (birthDate === undefined || new Date(birthDate) <= now) return {};
  return { birth_date: ["The birth date cannot be in the future."] };
}
