/** Views both the checkout and the customer-account extensions show. */

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
