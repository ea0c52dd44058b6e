/**
 * The HTTP contract between the app's storefront routes (`app/routes/api.checkout.*`,
 * `app/routes/api.account.*`) and the checkout and customer-account UI extensions.
 *
 * Types only: both sides import it with `import type`, so nothing here reaches a bundle. The server
 * validates every request body with zod against these shapes; the extensions trust nothing but the
 * status code and these shapes.
 *
 * Rules for every route:
 * - The extension sends `Authorization: Bearer <shopify.sessionToken.get()>`; JSON bodies.
 * - The shop comes only from the token's `dest`, the customer only from its `sub`; never from the body.
 * - Every answer, errors and the OPTIONS preflight included, carries CORS headers.
 * - Errors are `{ error: StorefrontError }` with the status listed at each code. Texts are never sent:
 *   the extension translates the code (and a field error's code) into the shopper's language.
 * - Money is a decimal string in the shop's currency ("149.50"); dates are ISO 8601 strings.
 */

// ---------------------------------------------------------------- errors

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

// ---------------------------------------------------------------- shared views

export interface ConsentConfig {
  /** The merchant's texts; null = the extension's built-in text in the shopper's language. */
  membershipText: string | null;
  marketingText: string | null;
  /** Recorded with every consent the shopper gives (`textVersion`). */
  textVersion: number;
  /** The Diller store's privacy policy, linked from the membership checkbox; null when Diller has none. */
  privacyPolicyUrl: string | null;
}

export type CouponKind = "percentage" | "fixed_amount" | "free_shipping";

export interface CouponView {
  /** Diller's coupon id as a string (stable key for Apply). */
  id: string;
  title: string;
  description: string | null;
  kind: CouponKind;
  /** Percent (kind percentage) or money (fixed_amount); null for free_shipping. */
  value: string | null;
  /** Only for fixed_amount: the currency of `value`. */
  currency: string | null;
  /** Non-empty when the coupon applies to certain products only (Shopify product ids as GIDs where known). */
  productIds: string[];
  validFrom: string | null;
  validTo: string | null;
  imageUrl: string | null;
  /** The Shopify code already minted for this member and coupon, if any (so the UI can show "Applied"). */
  appliedCode: string | null;
}

export interface MemberSummary {
  firstName: string | null;
  points: number;
  levelTitle: string | null;
}

// ---------------------------------------------------------------- checkout (authenticate.public.checkout)

/** GET /api/checkout/config — no customer needed (guests too). */
export interface CheckoutConfigResponse {
  consent: ConsentConfig;
  /** Points per one unit of the shop currency (Diller's currency_points_ratio); null = no points system. */
  pointsPerCurrencyUnit: number | null;
  /** ISO 4217 currency of the Diller store. */
  currency: string | null;
}

/** GET /api/checkout/member — 403 login_required for guests. */
export type CheckoutMemberResponse =
  { status: "member"; member: MemberSummary; coupons: CouponView[] } | { status: "not_member" };

/** POST /api/checkout/coupons/apply — validates with Diller, mints or reuses the Shopify code. */
export interface ApplyCouponRequest {
  couponId: string;
}
export interface ApplyCouponResponse {
  /** The Shopify discount code to pass to `applyDiscountCodeChange`. */
  code: string;
}

/** POST /api/checkout/coupons/validate — re-checks applied codes (cart change, before payment). */
export interface ValidateCouponsRequest {
  /** The discount codes on the checkout (`shopify.discountCodes`); codes the app did not mint are ignored. */
  codes: string[];
}
export interface ValidateCouponsResponse {
  /** Minted codes that are no longer valid (already deactivated in Shopify); remove them from the checkout. */
  invalid: { code: string; reason: "used" | "expired" | "withdrawn" | "refused" }[];
}

/**
 * POST /api/checkout/join — thank-you page: the buyer joins with both consents on the spot and this
 * order's points are booked to the new membership. Accepted only for a recent order (placed within the
 * last hour) that has no consent recorded yet; when the token names a customer, the order must be theirs.
 */
export interface CheckoutJoinRequest {
  /** `gid://shopify/OrderIdentity/…` or `gid://shopify/Order/…` from the thank-you page API. */
  orderId: string;
  membershipConsent: true;
  marketingConsent: boolean;
  textVersion: number;
}
export interface CheckoutJoinResponse {
  status: "joining" | "already_member";
}

/** The cart metafield `$app:diller_consent` (type json) written by the contact-step extension. */
export interface CartConsentMetafield {
  membership: boolean;
  marketing: boolean;
  /** The shop's consent text version the shopper saw (ConsentConfig.textVersion). */
  textVersion: number;
  /** ISO time the shopper ticked the box. */
  capturedAt: string;
}

// ---------------------------------------------------------------- customer account (authenticate.public.customerAccount)

export type Gender = "male" | "female" | "non_binary" | "not_shared";

export interface PhoneInput {
  /** With the plus sign: "+47". */
  countryCode: string;
  number: string;
}

export interface AddressInput {
  street: string;
  city: string;
  zipCode: string;
  countryCode: string;
}

export type SegmentType = "text" | "date" | "radio" | "checkbox" | "dropdown";

export interface SegmentField {
  id: string;
  label: string;
  type: SegmentType;
  required: boolean;
  /** radio, checkbox, dropdown. */
  options: { id: string; label: string }[];
}

export interface SegmentAnswer {
  id: string;
  /** text: the text; date: YYYY-MM-DD. */
  value?: string;
  /** radio/dropdown: one option id; checkbox: any number. */
  optionIds?: string[];
}

export interface MemberConsents {
  /** Membership / GDPR consent. Required to be a member. */
  membership: boolean;
  marketingEmail: boolean;
  marketingSms: boolean;
  /** Diller's "save order history". */
  keepOrderHistory: boolean;
}

export interface MemberProfile {
  firstName: string;
  lastName: string;
  email: string;
  phone: PhoneInput | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  gender: Gender | null;
  address: AddressInput | null;
}

export interface StampCardView {
  id: string;
  title: string;
  description: string | null;
  collected: number;
  required: number;
  imageUrl: string | null;
}

export interface LoyaltyActivity {
  /** Shopify order name ("#1001"). */
  orderName: string | null;
  at: string;
  kind: "purchase" | "return" | "cancellation";
  amount: string | null;
  /** Estimated from the store's points ratio; null when unknown. */
  points: number | null;
}

export interface MemberDetail {
  profile: MemberProfile;
  consents: MemberConsents;
  points: number;
  levelTitle: string | null;
  nextLevelTitle: string | null;
  /** Points still needed for the next level; null at the top level. */
  pointsToNextLevel: number | null;
  /** 0..1 progress toward the next level; null when unknown. */
  levelProgress: number | null;
  levelExpiresAt: string | null;
  segments: SegmentAnswer[];
  coupons: CouponView[];
  stampCards: StampCardView[];
  recentActivity: LoyaltyActivity[];
}

export interface JoinForm {
  /** Prefilled from the Shopify customer. */
  prefill: Partial<MemberProfile>;
  /** Visible segments of the store, in Diller's order (invisible ones are never sent). */
  segments: SegmentField[];
  consent: ConsentConfig;
}

/**
 * GET /api/account/loyalty
 * - member: the whole picture, plus the form definition for editing;
 * - not_member: the join form;
 * - phone_match: a member with this customer's phone exists but the e-mail does not match; offer
 *   "send me a code" (POST /api/account/phone-link/send) before anything is linked.
 */
export type AccountLoyaltyResponse =
  | { status: "member"; member: MemberDetail; form: JoinForm }
  | { status: "not_member"; form: JoinForm }
  | { status: "phone_match"; maskedPhone: string; form: JoinForm };

/** POST /api/account/join — 409 already_member; 422 invalid_input with field errors. */
export interface JoinRequest {
  profile: MemberProfile;
  segments: SegmentAnswer[];
  consents: MemberConsents;
  textVersion: number;
}
/** POST /api/account/profile — edit (phone changes go through the OTP routes, not here). */
export type UpdateProfileRequest = JoinRequest;
/** Both answer the updated picture. */
export interface MemberDetailResponse {
  member: MemberDetail;
}

/** POST /api/account/phone-link/send — sends Diller's login code to the matched member's phone. */
export interface OtpSentResponse {
  maskedPhone: string;
  /** Sends left in the current window. */
  sendsLeft: number;
}
/** POST /api/account/phone-link/verify — links the matched member when the code is right. */
export interface OtpVerifyRequest {
  code: string;
}

/** POST /api/account/phone-change/start — Diller sends a code to the new number. */
export interface PhoneChangeStartRequest {
  phone: PhoneInput;
}
/** POST /api/account/phone-change/confirm — answers MemberDetailResponse. */
export interface PhoneChangeConfirmRequest {
  phone: PhoneInput;
  code: string;
}

/** POST /api/account/leave — deletes the member in Diller and unlinks; answers { left: true }. */
export interface LeaveRequest {
  confirm: true;
  reason?: string;
}
export interface LeaveResponse {
  left: true;
}

/** GET /api/account/order-points?orderId=gid://shopify/Order/… — the order-status block. */
export interface OrderPointsResponse {
  status: "booked" | "pending" | "not_booked";
  /** Estimated points for this order (null when unknown). */
  points: number | null;
}
