/** Error bodies: `{ error: StorefrontError }`, codes the extension translates. */

export type StorefrontErrorCode =
  /** 401: missing, forged or expired session token. */
  | "unauthenticated"
  /** 403: the token has no customer (a guest) but the route needs one. */
  | "login_required"
  /** 403: the resource belongs to another customer (e.g. a coupon that is not this member's). */
  | "forbidden"
  /** 404: the shop has not installed or not connected the app, or the integration is switched off. */
  | "not_available"
  /** 404: the thing asked for does not exist (coupon, order). */
  | "not_found"
  /** 409: the customer is not a Diller member (join first). */
  | "not_member"
  /** 409: the customer is already a member (join twice). */
  | "already_member"
  /** 422: the body failed validation; see `fields`. */
  | "invalid_input"
  /** 422: Diller refused the coupon for this member (used, expired, not valid for this cart). */
  | "coupon_refused"
  /** 422: a one-time code was wrong. */
  | "otp_wrong_code"
  /** 422: the one-time code expired or was never sent; send a new one. */
  | "otp_expired"
  /** 429: too many sends or tries; `retryAfterSeconds` says when to try again. */
  | "rate_limited"
  /** 503: Diller (or Shopify's Admin API) is unavailable right now; checkout must go on without us. */
  | "unavailable";

/** Field error codes, translated by the extension; `field` paths use dots ("address.zipCode", "segments.12"). */
export type FieldErrorCode =
  "required" | "invalid_email" | "invalid_phone" | "invalid_date" | "too_long" | "invalid_option" | "must_accept";

export interface StorefrontError {
  code: StorefrontErrorCode;
  /** Only with `invalid_input`: field path → error code. */
  fields?: Record<string, FieldErrorCode>;
  /** Only with `rate_limited`. */
  retryAfterSeconds?: number;
}

export interface StorefrontErrorBody {
  error: StorefrontError;
}
