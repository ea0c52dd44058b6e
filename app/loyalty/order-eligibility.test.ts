import { describe, expect, it } from "vitest";

import { orderFixture } from "~/shopify/payloads/testing/fixtures";

import { assessOrderForBooking } from "./order-eligibility";
import { order } from "./testing/orders";

describe("assessOrderForBooking", () => {
  it.each([
    ["01", { bookable: true, test: false }],
    [
      "02",
      {
        bookable: false,
        test: false,
        reason: "not_paid",
        detail: "financial_status partially_paid, 438.00 outstanding",
      },
    ],
    ["03", { bookable: true, test: false }],
    ["04", { bookable: false, test: true, reason: "voided", detail: "payment voided" }],
    ["05", { bookable: true, test: false }],
    ["06", { bookable: true, test: false }],
    ["07", { bookable: true, test: false }],
    ["10", { bookable: true, test: true }],
    ["11", { bookable: false, test: false, reason: "cancelled", detail: "cancelled (refunded)" }],
    ["12", { bookable: false, test: true, reason: "cancelled", detail: "cancelled (refunded)" }],
    ["13", { bookable: false, test: false, reason: "cancelled", detail: "cancelled (refunded)" }],
  ])("fixture %s → %j", (number, expected) => {
    expect(assessOrderForBooking(orderFixture(number))).toEqual(expected);
  });

  it.each([
    ["pending", false],
    ["authorized", false],
    ["unpaid", false],
    [null, false],
    ["paid", true],
    ["partially_refunded", true],
    ["refunded", true],
  ])("financial_status %s → bookable %s", (status, bookable) => {
    const assessed = assessOrderForBooking(order({ financial_status: status, line_items: [] }));
    expect(assessed.bookable).toBe(bookable);
  });

  it("keeps test orders bookable but flags them", () => {
    expect(assessOrderForBooking(order({ test: true, line_items: [] }))).toEqual({ bookable: true, test: true });
  });
});
