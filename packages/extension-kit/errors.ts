import type { FieldErrorCode, StorefrontError, StorefrontErrorCode } from "@diller/storefront-contract";

/** Every error code of the contract, at runtime: the locale test checks each one has a translation. */
export const STOREFRONT_ERROR_CODES = [
  "unauthenticated",
  "login_required",
  "forbidden",
  "not_available",
  "not_found",
  "not_member",
  "already_member",
  "invalid_input",
  "coupon_refused",
  "otp_wrong_code",
  "otp_expired",
  "rate_limited",
  "unavailable",
] as const satisfies readonly StorefrontErrorCode[];

export const FIELD_ERROR_CODES = [
  "required",
  "invalid_email",
  "invalid_phone",
  "invalid_date",
  "too_long",
  "invalid_option",
  "must_accept",
] as const satisfies readonly FieldErrorCode[];

// Fails to compile when the contract gains a code the lists above lack.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
export const allErrorCodesListed: Missing<StorefrontErrorCode, (typeof STOREFRONT_ERROR_CODES)[number]> = true;
export const allFieldCodesListed: Missing<FieldErrorCode, (typeof FIELD_ERROR_CODES)[number]> = true;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}

/** The fallback code for a status when the body is not the contract's error shape (a proxy page, a bare 401). */
function codeForStatus(status: number): StorefrontErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_available";
  if (status === 429) return "rate_limited";
  return "unavailable";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads `{ error: StorefrontError }` defensively: unknown codes and malformed fields are dropped, never shown. */
export function parseStorefrontError(status: number, body: unknown): StorefrontError {
  const raw = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = raw && isOneOf(STOREFRONT_ERROR_CODES, raw.code) ? raw.code : codeForStatus(status);
  const error: StorefrontError = { code };
  if (raw && isRecord(raw.fields)) {
    const fields: Record<string, FieldErrorCode> = {};
    for (const [path, fieldCode] of Object.entries(raw.fields)) {
      if (isOneOf(FIELD_ERROR_CODES, fieldCode)) fields[path] = fieldCode;
    }
    error.fields = fields;
  }
  if (raw && typeof raw.retryAfterSeconds === "number" && Number.isFinite(raw.retryAfterSeconds)) {
    error.retryAfterSeconds = raw.retryAfterSeconds;
  }
  return error;
}
