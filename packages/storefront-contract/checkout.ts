import type { ConsentConfig, CouponView, MemberSummary } from "./shared";

/** The checkout routes (authenticate.public.checkout) and the cart consent metafield. */

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
