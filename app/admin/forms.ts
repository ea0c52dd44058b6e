import type { z } from "zod";

import { isMessageKey, message, type Message } from "~/i18n/translate";

export { formBoolean, optionalText } from "~/lib/form-values";

/** Field name → what is wrong with it, as a message the browser shows next to the field. */
export type FieldErrors = Record<string, Message>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** A form's fields as a plain object (the last value wins; files are ignored). */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  formData.forEach((value, name) => {
    if (typeof value === "string") fields[name] = value;
  });
  return fields;
}

/**
 * Parses submitted fields with a zod schema whose error messages are message keys. The first
 * problem of each field is reported; a message that is not a key becomes the generic one.
 */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  fields: Record<string, unknown>,
): FormResult<z.output<Schema>> {
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? { key: issue.message } : message("form.errors.invalid");
  }
  return { ok: false, errors };
}
