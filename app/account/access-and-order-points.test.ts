import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { TEST_SHOP } from "../../tests/shopify";
import { loader as loyalty } from "~/routes/api.account.loyalty";
import { loader as orderPoints } from "~/routes/api.account.order-points";

import { startAccountHarness, type AccountHarness } from "./testing/account-harness";

let h: AccountHarness;
beforeAll(async () => {
  h = await startAccountHarness();
});
afterAll(async () => {
  await h.stop();
  expect(h.sandbox.contractViolations).toEqual([]);
});
beforeEach(async () => {
  await h.reset();
});

const CUSTOMER = "8401";

describe("GET /api/account/loyalty: who is asking", () => {
  it.each([
    ["an expired token", { expiresIn: -60 }, 401, "unauthenticated"],
    ["a forged token", { secret: "not-the-app-secret" }, 401, "unauthenticated"],
  ])("answers %s with 401 and CORS headers", async (_case, options, status, code) => {
    const answer = await h.call(loyalty, "/api/account/loyalty", CUSTOMER, options);
    expect(answer.status).toBe(status);
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(answer.body).toEqual({ error: { code } });
  });

  it("refuses a guest (no customer in the token) with 403 login_required", async () => {
    const answer = await h.call(loyalty, "/api/account/loyalty", null);
    expect(answer).toMatchObject({ status: 403, body: { error: { code: "login_required" } } });
  });

  it("answers 404 not_available when the shop switched the integration off", async () => {
    await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { integrationEnabled: false } });
    try {
      const answer = await h.call(loyalty, "/api/account/loyalty", CUSTOMER);
      expect(answer).toMatchObject({ status: 404, body: { error: { code: "not_available" } } });
    } finally {
      await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { integrationEnabled: true } });
    }
  });
});

describe("GET /api/account/order-points", () => {
  beforeEach(async () => {
    await h.app.db.orderSync.createMany({
      data: [
        { shop: TEST_SHOP, orderId: "6001", customerId: CUSTOMER, state: "SENT", totalSent: "200.00" },
        { shop: TEST_SHOP, orderId: "6002", customerId: "someone-else", state: "SENT", totalSent: "100.00" },
        { shop: TEST_SHOP, orderId: "6003", customerId: CUSTOMER, state: "SKIPPED" },
        {
          shop: TEST_SHOP,
          orderId: "6004",
          customerId: CUSTOMER,
          state: "PENDING",
          orderJson: '{"total_price":"80.00"}',
        },
      ],
    });
  });
  const points = (orderId: string, customer = CUSTOMER) =>
    h.call(orderPoints, `/api/account/order-points?orderId=${encodeURIComponent(orderId)}`, customer);

  it.each([
    ["a booked order", "gid://shopify/Order/6001", 200, { status: "booked", points: 200 }],
    ["a pending order, estimated from its total", "gid://shopify/Order/6004", 200, { status: "pending", points: 80 }],
    ["a skipped order", "gid://shopify/OrderIdentity/6003", 200, { status: "not_booked", points: null }],
    ["another customer's order", "gid://shopify/Order/6002", 403, { error: { code: "forbidden" } }],
    ["an unknown order", "gid://shopify/Order/6999", 404, { error: { code: "not_found" } }],
    ["a malformed id", "6001", 422, { error: { code: "invalid_input", fields: { orderId: "invalid_option" } } }],
  ])("%s", async (_case, orderId, status, body) => {
    const answer = await points(orderId);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual(body);
  });
});
