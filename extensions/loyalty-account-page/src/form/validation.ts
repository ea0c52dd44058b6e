import type { JoinRequest, SegmentField } from "@diller/storefront-contract";

import { type FieldErrors } from "./values";

// Mirrors the server's zod schemas for /api/account/join and /profile, so the shopper sees problems
// before a round trip; the server stays the authority and its field errors are shown the same way.
const MAX_NAME = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY_CODE = /^\+\d{1,4}$/;
const PHONE_NUMBER = /^\d{4,15}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function validateJoin(request: JoinRequest, segments: SegmentField[], today: Date): FieldErrors {
  const errors: FieldErrors = {};
  const { profile } = request;
  for (const field of ["firstName", "lastName"] as const) {
    if (!profile[field]) errors[field] = "required";
    else if (profile[field].length > MAX_NAME) errors[field] = "too_long";
  }
  if (!profile.email) errors.email = "required";
  else if (!EMAIL.test(profile.email)) errors.email = "invalid_email";
  if (profile.phone && (!COUNTRY_CODE.test(profile.phone.countryCode) || !PHONE_NUMBER.test(profile.phone.number))) {
    errors.phone = "invalid_phone";
  }
  if (profile.birthDate && (!isValidDate(profile.birthDate) || new Date(profile.birthDate) > today)) {
    errors.birthDate = "invalid_date";
  }
  for (const field of segments) {
    const answer = request.segments.find(({ id }) => id === field.id);
    const path = `segments.${field.id}`;
    if (!answer) {
      if (field.required) errors[path] = "required";
      continue;
    }
    if (field.type === "text" && (answer.value ?? "").length > 255) errors[path] = "too_long";
    if (field.type === "date" && !isValidDate(answer.value ?? "")) errors[path] = "invalid_date";
    if (field.type === "radio" || field.type === "dropdown" || field.type === "checkbox") {
      const ids = answer.optionIds ?? [];
      const known = new Set(field.options.map(({ id }) => id));
      if (ids.some((id) => !known.has(id)) || (field.type !== "checkbox" && ids.length > 1)) {
        errors[path] = "invalid_option";
      }
    }
  }
  if (!request.consents.membership) errors["consents.membership"] = "must_accept";
  return errors;
}
