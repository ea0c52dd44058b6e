import type { FieldErrorCode, StorefrontError, StorefrontErrorCode } from "@diller/storefront-contract";

/** The HTTP status of each storefront error code (packages/storefront-contract). */
export const STATUS_OF: Record<StorefrontErrorCode, number> = {
  unauthenticated: 401,
  login_required: 403,
  forbidden: 403,
  not_available: 404,
  not_found: 404,
  not_member: 409,
  already_member: 409,
  invalid_input: 422,
  coupon_refused: 422,
  otp_wrong_code: 422,
  otp_expired: 422,
  rate_limited: 429,
  unavailable: 503,
};

/**
 * A refusal an extension route answers with: thrown anywhere below a storefront handler, it becomes
 * `{ error }` with the code's status and the CORS headers. Carries codes only; the extension
 * translates them into the shopper's language.
 */
export class StorefrontHttpError extends Error {
  readonly body: StorefrontError;

  constructor(code: StorefrontErrorCode, extra: Omit<StorefrontError, "code"> = {}) {
    super(`storefront request refused: ${code}`);
    this.name = "StorefrontHttpError";
    this.body = { code, ...extra };
  }

  get status(): number {
    return STATUS_OF[this.body.code];
  }

  static invalidInput(fields: Record<string, FieldErrorCode>): StorefrontHttpError {
    return new StorefrontHttpError("invalid_input", { fields });
  }

  static rateLimited(retryAfterSeconds: number): StorefrontHttpError {
    return new StorefrontHttpError("rate_limited", { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }
}
