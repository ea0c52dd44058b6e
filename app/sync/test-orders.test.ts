import { describe, expect, it } from "vitest";

import { testOrderSkipReason } from "./test-orders";

describe("testOrderSkipReason", () => {
  it.each([
    // environment, merchant allows test orders, order.test, booked
    ["production", false, true, false],
    ["production", true, true, true],
    ["custom", false, true, false],
    ["custom", true, true, true],
    ["prerelease", false, true, true],
    ["prerelease", true, true, true],
    ["production", false, false, true],
    ["production", false, null, true],
    ["production", false, undefined, true],
  ] as const)("%s, allowed %s, test %s → booked %s", (dillerEnvironment, sendTestOrders, test, booked) => {
    const reason = testOrderSkipReason({ dillerEnvironment, sendTestOrders }, test);
    expect(reason === null).toBe(booked);
    if (reason) expect(reason).toMatch(/test order/);
  });
});
