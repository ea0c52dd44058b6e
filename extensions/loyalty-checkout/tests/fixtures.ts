import type { CheckoutConfigResponse, CouponView } from "@diller/storefront-contract";

export const config: CheckoutConfigResponse = {
  consent: {
    membershipText: null,
    marketingText: null,
    textVersion: 3,
    privacyPolicyUrl: "https://diller.example/privacy",
  },
  pointsPerCurrencyUnit: 2,
  currency: "NOK",
};

export function coupon(overrides: Partial<CouponView> = {}): CouponView {
  return {
    id: "101",
    title: "Summer 20%",
    description: "20% off everything",
    kind: "percentage",
    value: "20",
    currency: null,
    productIds: [],
    validFrom: "2026-06-01T00:00:00Z",
    validTo: "2027-03-01T00:00:00Z",
    imageUrl: "https://cdn.example/summer.png",
    appliedCode: null,
    ...overrides,
  };
}

export const member = (coupons: CouponView[]) => ({
  status: 200,
  body: { status: "member", member: { firstName: "Kari", points: 1200, levelTitle: "Gold" }, coupons },
});

export const guest = { status: 403, body: { error: { code: "login_required" } } };
