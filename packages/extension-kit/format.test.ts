import type { CouponView } from "@diller/storefront-contract";
import { describe, expect, test } from "vitest";

import { couponValidityText, couponValueText, estimatePoints, type I18nLike } from "./format";
import { translateWithOptions } from "./testing";

const i18n: I18nLike = {
  translate: translateWithOptions,
  formatNumber: (value) => String(value),
  formatCurrency: (value, options) => `${options?.currency ?? ""} ${value.toFixed(2)}`,
  formatDate: (date) => date.toISOString().slice(0, 10),
};

const coupon = (patch: Partial<CouponView>): CouponView => ({
  id: "1",
  title: "T",
  description: null,
  kind: "percentage",
  value: "10",
  currency: null,
  productIds: [],
  validFrom: null,
  validTo: null,
  imageUrl: null,
  appliedCode: null,
  ...patch,
});

describe("estimatePoints", () => {
  test.each([
    [2, 149.5, 299],
    [0.1, 99, 9],
    [null, 100, null],
    [0, 100, null],
    [1, 0, null],
    [1, Number.NaN, null],
  ])("ratio %s × %s = %s", (ratio, amount, expected) => {
    expect(estimatePoints(ratio, amount)).toBe(expected);
  });
});

describe("coupon texts", () => {
  test.each([
    [coupon({ kind: "percentage", value: "15" }), 'coupon.percentOff {"percent":"15"}'],
    [coupon({ kind: "fixed_amount", value: "100", currency: "NOK" }), 'coupon.amountOff {"amount":"NOK 100.00"}'],
    [coupon({ kind: "free_shipping", value: null }), "coupon.freeShipping"],
    [coupon({ kind: "percentage", value: null }), null],
  ])("%o → %s", (input, expected) => {
    expect(couponValueText(i18n, input)).toBe(expected);
  });

  test("validity shows the end date, or nothing", () => {
    expect(couponValidityText(i18n, coupon({ validTo: "2027-03-01T00:00:00Z" }))).toBe(
      'coupon.validUntil {"date":"2027-03-01"}',
    );
    expect(couponValidityText(i18n, coupon({ validTo: null }))).toBeNull();
    expect(couponValidityText(i18n, coupon({ validTo: "soon" }))).toBeNull();
  });
});
