import { describe, expect, it } from "vitest";

import type { MemberCoupon } from "~/diller/schemas.server";

import { couponViewOf, mintableCoupon, shopifyProductGid } from "./coupon-kind";

const coupon = (overrides: Partial<MemberCoupon>): MemberCoupon => ({
  id: 1,
  code: "WELCOME10",
  title: "Welcome",
  valid_from: "2026-11-01T00:00:00Z",
  valid_to: "2027-11-01T00:00:00Z",
  type: "Welcome",
  discount_type: "Percentage",
  discount_value: 10,
  ...overrides,
});

describe("mintableCoupon", () => {
  it.each<[string, Partial<MemberCoupon>, ReturnType<typeof mintableCoupon>]>([
    ["percentage", {}, { mintable: true, kind: "percentage", value: 10, productGids: [] }],
    [
      "fixed amount",
      { discount_type: "Fixed", discount_value: 100 },
      { mintable: true, kind: "fixed_amount", value: 100, productGids: [] },
    ],
    [
      "free shipping ignores the value",
      { discount_type: "FreeShipping", discount_value: 0 },
      { mintable: true, kind: "free_shipping", value: null, productGids: [] },
    ],
    [
      "product-specific with Shopify ids (numeric and GID)",
      { product_ids: ["8123", "gid://shopify/Product/8124"] },
      {
        mintable: true,
        kind: "percentage",
        value: 10,
        productGids: ["gid://shopify/Product/8123", "gid://shopify/Product/8124"],
      },
    ],
    [
      "product-specific keeps the Shopify ids among foreign ones",
      { product_ids: ["coffee-beans-1kg", "8123"] },
      { mintable: true, kind: "percentage", value: 10, productGids: ["gid://shopify/Product/8123"] },
    ],
    [
      "product-specific without any Shopify id: never the whole cart",
      { product_ids: ["coffee-beans-1kg"] },
      { mintable: false, reason: "unknown_products" },
    ],
    ["NotDefined", { discount_type: "NotDefined" }, { mintable: false, reason: "unknown_discount_type" }],
    ["no discount type", { discount_type: undefined }, { mintable: false, reason: "unknown_discount_type" }],
    ["an unknown future type", { discount_type: "BuyXGetY" }, { mintable: false, reason: "unknown_discount_type" }],
    ["percentage without value", { discount_value: undefined }, { mintable: false, reason: "no_value" }],
    ["percentage over 100", { discount_value: 120 }, { mintable: false, reason: "no_value" }],
    ["zero amount", { discount_type: "Fixed", discount_value: 0 }, { mintable: false, reason: "no_value" }],
  ])("%s", (_case, overrides, expected) => {
    expect(mintableCoupon(coupon(overrides))).toEqual(expected);
  });
});

describe("shopifyProductGid", () => {
  it.each([
    ["8123", "gid://shopify/Product/8123"],
    [" gid://shopify/Product/9 ", "gid://shopify/Product/9"],
    ["gid://shopify/ProductVariant/9", null],
    ["SKU-1", null],
    ["", null],
  ])("%j → %j", (input, expected) => expect(shopifyProductGid(input)).toBe(expected));
});

describe("couponViewOf", () => {
  it("shows a fixed-amount coupon with its currency and the applied code", () => {
    expect(
      couponViewOf(
        coupon({ id: 2, discount_type: "Fixed", discount_value: 99.5, image_url: "https://example.com/c.png" }),
        { currency: "NOK", appliedCode: "DILLER-X" },
      ),
    ).toEqual({
      id: "2",
      title: "Welcome",
      description: null,
      kind: "fixed_amount",
      value: "99.50",
      currency: "NOK",
      productIds: [],
      validFrom: "2026-11-01T00:00:00.000Z",
      validTo: "2027-11-01T00:00:00.000Z",
      imageUrl: "https://example.com/c.png",
      appliedCode: "DILLER-X",
    });
  });

  it("gives a percentage no currency, and hides a coupon checkout cannot apply", () => {
    expect(couponViewOf(coupon({}), { currency: "NOK", appliedCode: null })).toMatchObject({
      value: "10",
      currency: null,
    });
    expect(couponViewOf(coupon({ discount_type: "NotDefined" }), { currency: "NOK", appliedCode: null })).toBeNull();
  });
});
