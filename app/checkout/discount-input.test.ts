import { describe, expect, it } from "vitest";

import { discountCodeRequest, type MintInput } from "./discount-input";

const base: MintInput = {
  code: "DILLER-ABCDEFGHJK",
  title: "Welcome: 10 % off",
  kind: "percentage",
  value: 10,
  productGids: [],
  customerGid: "gid://shopify/Customer/7001",
  startsAt: new Date("2026-12-01T10:00:00Z"),
  endsAt: new Date("2027-01-31T23:59:59Z"),
  combinesWith: { productDiscounts: false, orderDiscounts: false, shippingDiscounts: true },
};

const common = {
  title: "Diller: Welcome: 10 % off",
  code: "DILLER-ABCDEFGHJK",
  startsAt: "2026-12-01T10:00:00.000Z",
  endsAt: "2027-01-31T23:59:59.000Z",
  context: { customers: { add: ["gid://shopify/Customer/7001"] } },
  usageLimit: 1,
  appliesOncePerCustomer: true,
  combinesWith: { productDiscounts: false, orderDiscounts: false, shippingDiscounts: true },
};

describe("discountCodeRequest: a Diller coupon as a customer-scoped, single-use Shopify code", () => {
  it.each<[string, Partial<MintInput>, string, Record<string, unknown>]>([
    [
      "percentage on the whole order",
      {},
      "discountCodeBasicCreate",
      { customerGets: { items: { all: true }, value: { percentage: 0.1 } } },
    ],
    [
      "a fractional percentage keeps its precision",
      { value: 12.5 },
      "discountCodeBasicCreate",
      { customerGets: { items: { all: true }, value: { percentage: 0.125 } } },
    ],
    [
      "fixed amount, once per order (not per item)",
      { kind: "fixed_amount", value: 100 },
      "discountCodeBasicCreate",
      {
        customerGets: {
          items: { all: true },
          value: { discountAmount: { amount: "100.00", appliesOnEachItem: false } },
        },
      },
    ],
    [
      "free shipping to every destination",
      { kind: "free_shipping", value: null },
      "discountCodeFreeShippingCreate",
      { destination: { all: true } },
    ],
    [
      "product-specific percentage",
      { value: 50, productGids: ["gid://shopify/Product/101", "gid://shopify/Product/102"] },
      "discountCodeBasicCreate",
      {
        customerGets: {
          items: { products: { productsToAdd: ["gid://shopify/Product/101", "gid://shopify/Product/102"] } },
          value: { percentage: 0.5 },
        },
      },
    ],
    [
      "product-specific fixed amount",
      { kind: "fixed_amount", value: 49.5, productGids: ["gid://shopify/Product/101"] },
      "discountCodeBasicCreate",
      {
        customerGets: {
          items: { products: { productsToAdd: ["gid://shopify/Product/101"] } },
          value: { discountAmount: { amount: "49.50", appliesOnEachItem: false } },
        },
      },
    ],
  ])("%s", (_case, overrides, mutation, specific) => {
    const request = discountCodeRequest({ ...base, ...overrides });
    expect(request).toEqual({ mutation, input: { ...common, ...specific } });
  });

  it("has no end when the coupon has none, and combines as the merchant chose", () => {
    const request = discountCodeRequest({
      ...base,
      endsAt: null,
      combinesWith: { productDiscounts: true, orderDiscounts: true, shippingDiscounts: false },
    });
    expect(request.input).toMatchObject({
      endsAt: null,
      combinesWith: { productDiscounts: true, orderDiscounts: true, shippingDiscounts: false },
    });
  });

  it("caps the title at Shopify's 255 characters", () => {
    const title = discountCodeRequest({ ...base, title: "x".repeat(400) }).input.title;
    expect(typeof title === "string" && title.length).toBe(255);
  });

  it("refuses a percentage or amount coupon without a value", () => {
    expect(() => discountCodeRequest({ ...base, value: null })).toThrow(RangeError);
  });
});
