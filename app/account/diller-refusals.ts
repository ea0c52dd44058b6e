import type { FieldErrorCode } from "@diller/storefront-contract";

/** Diller's field names (problem-details `errors` keys) → the form's field and error code. */
const FIELD_OF: [RegExp, string, FieldErrorCode][] = [
  [/^phone/i, "profile.phone", "invalid_phone"],
  [/^(number|country_code)$/i, "phone", "invalid_phone"],
  [/^email/i, "profile.email", "invalid_email"],
  [/^birth_?date/i, "profile.birthDate", "invalid_date"],
  [/^first_?name/i, "profile.firstName", "required"],
  [/^last_?name/i, "profile.lastName", "required"],
  [/^gender/i, "profile.gender", "invalid_option"],
  [/^address/i, "profile.address", "required"],
  [/^segments/i, "segments", "invalid_option"],
  [/^consent/i, "consents.membership", "must_accept"],
];

/**
 * The form fields a Diller validation refusal names (e.g. a phone another member has), or null when
 * none of its fields belongs to the form: then it is not the shopper's to fix.
 */
export function formErrorsOfDillerRefusal(
  fieldErrors: Record<string, string[]>,
): Record<string, FieldErrorCode> | null {
  const fields: Record<string, FieldErrorCode> = {};
  for (const name of Object.keys(fieldErrors)) {
    const match = FIELD_OF.find(([pattern]) => pattern.test(name));
    if (match) fields[match[1]] ??= match[2];
  }
  return Object.keys(fields).length > 0 ? fields : null;
}
