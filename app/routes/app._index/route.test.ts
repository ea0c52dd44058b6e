import { BASE64_HOST } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import type { Prisma } from "~/db.server";
import { adminRequest, TEST_APP, TEST_SHOP, webhookRequest } from "../../../tests/shopify";

import { action, loader } from "./route";
import { action as ordersPaid } from "~/routes/webhooks.orders.paid";

let harness: AdminHarness;
const OTHER_SHOP = "other.myshopify.com";

beforeAll(async () => {
  harness = await startAdminHarness();
});
afterAll(async () => {
  await harness.stop();
});
beforeEach(async () => {
  await harness.reset();
  const { db } = harness.app;
  await db.orderSync.deleteMany({});
  await db.syncActivity.deleteMany({});
  await db.webhookEvent.deleteMany({});
  await db.localJob.deleteMany({});
});

const MINUTE = 60_000;

/** The queued order-sync jobs of the orders these tests create (earlier tests' webhooks may have queued others). */
async function queuedOrderKeys(queue: AdminHarness["app"]["jobQueue"]) {
  const jobs = await queue.list("order-sync", { states: ["queued"] });
  return jobs
    .map((job) => job.key ?? "")
    .filter((key) => /:50000\d\d$/.test(key))
    .sort();
}

function orderRows(shop: string, count: number, state: Prisma.OrderSyncCreateManyInput["state"], start = 0) {
  return Array.from({ length: count }, (_, index) => {
    const number = start + index;
    return {
      shop,
      orderId: String(5_000_000 + number),
      orderName: `#${1000 + number}`,
      state,
      attempts: state === "FAILED" ? 3 : 1,
      lastError: state === "FAILED" ? "DillerServerError: Diller createTransaction failed with HTTP 500" : null,
      externalId: state === "SENT" ? `shopify-${5_000_000 + number}` : null,
      updatedAt: new Date(Date.now() - number * MINUTE),
    };
  });
}

describe("dashboard loader", () => {
  it("sends a shop that has not finished onboarding to the onboarding", async () => {
    const page = await harness.load(loader, "/app");
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/app\/onboarding\?/);
    // The embedding parameters follow, so the onboarding document can authenticate too.
    expect(new URL(page.location ?? "", TEST_APP.appUrl).searchParams.get("id_token")).toBeTruthy();
  });

  it("counts orders per state and lists this shop's orders, newest first, in keyset pages", async () => {
    // GIVEN 30 sent, 4 failed, 2 pending orders for this shop and 10 failed ones for another shop
    await harness.connectShop();
    const { db } = harness.app;
    await db.orderSync.createMany({
      data: [
        ...orderRows(TEST_SHOP, 30, "SENT"),
        ...orderRows(TEST_SHOP, 4, "FAILED", 30),
        ...orderRows(TEST_SHOP, 2, "PENDING", 34),
        ...orderRows(OTHER_SHOP, 10, "FAILED"),
      ],
    });

    const first = await harness.load(loader, "/app");

    expect(first.data.counts).toEqual({ PENDING: 2, SENT: 30, CANCELLED: 0, SKIPPED: 0, FAILED: 4 });
    expect(first.data.orders.rows).toHaveLength(25);
    expect(first.data.orders.rows[0]).toMatchObject({
      orderName: "#1000",
      state: "SENT",
      externalId: "shopify-5000000",
    });
    expect(first.data.orders.nextCursor).toEqual(expect.any(String));

    // WHEN the merchant pages on
    const second = await harness.load(loader, `/app?after=${first.data.orders.nextCursor}`);
    expect(second.data.orders.rows.map((row) => row.orderName)).toEqual(
      Array.from({ length: 11 }, (_, index) => `#${1025 + index}`),
    );
    expect(second.data.orders.nextCursor).toBeNull();
    expect(second.data.query).toEqual({ after: first.data.orders.nextCursor, trail: [] });
  });

  it.each([
    { query: "?state=FAILED", expected: ["#1030", "#1031", "#1032", "#1033"] },
    { query: "?q=%231031", expected: ["#1031"] },
    { query: "?q=1031", expected: ["#1031"] },
    { query: "?q=5000002", expected: ["#1002"] },
    { query: "?state=SENT&q=%231031", expected: [] },
  ])("filters the table: $query", async ({ query, expected }) => {
    await harness.connectShop();
    await harness.app.db.orderSync.createMany({
      data: [
        ...orderRows(TEST_SHOP, 30, "SENT"),
        ...orderRows(TEST_SHOP, 4, "FAILED", 30),
        ...orderRows(OTHER_SHOP, 40, "FAILED"),
      ],
    });
    const page = await harness.load(loader, `/app${query}`);
    expect(page.data.orders.rows.map((row) => row.orderName)).toEqual(expected);
  });

  it("charts transactions sent, cancelled, failed and points per day of the shop's time zone", async () => {
    // GIVEN a shop in Oslo and activity on two days (one just after local midnight, still "yesterday" in UTC)
    await harness.connectShop({ timezone: "Europe/Oslo" });
    const today = new Date();
    const osloDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(today);
    const { db } = harness.app;
    const at = (isoLocal: string) => new Date(isoLocal);
    const yesterday = new Date(Date.parse(`${osloDay}T12:00:00Z`) - 24 * 60 * MINUTE).toISOString().slice(0, 10);
    await db.syncActivity.createMany({
      data: [
        { shop: TEST_SHOP, kind: "TRANSACTION_SENT", points: 120.5, at: at(`${yesterday}T10:00:00+01:00`) },
        { shop: TEST_SHOP, kind: "REMAINDER_SENT", points: 30, at: at(`${yesterday}T11:00:00+01:00`) },
        { shop: TEST_SHOP, kind: "TRANSACTION_CANCELLED", at: at(`${yesterday}T12:00:00+01:00`) },
        { shop: TEST_SHOP, kind: "SYNC_FAILED", at: at(`${osloDay}T00:30:00+01:00`) },
        { shop: TEST_SHOP, kind: "ORDER_SKIPPED", at: at(`${osloDay}T00:40:00+01:00`) },
        { shop: TEST_SHOP, kind: "MEMBER_LINKED", at: at(`${osloDay}T00:50:00+01:00`) },
        { shop: OTHER_SHOP, kind: "TRANSACTION_SENT", points: 999, at: at(`${osloDay}T09:00:00+01:00`) },
        // Outside the 30-day window.
        { shop: TEST_SHOP, kind: "TRANSACTION_SENT", points: 5, at: new Date(Date.now() - 40 * 24 * 60 * MINUTE) },
      ],
    });

    const page = await harness.load(loader, "/app");

    expect(page.data.days).toBe(30);
    expect(page.data.series).toHaveLength(30);
    expect(page.data.series.at(-1)).toEqual({ day: osloDay, sent: 0, cancelled: 0, failed: 1, points: 0 });
    expect(page.data.series.at(-2)).toEqual({ day: yesterday, sent: 2, cancelled: 1, failed: 0, points: 150.5 });
    expect(page.data.totals).toEqual({ sent: 2, cancelled: 1, failed: 1, points: 150.5 });
    expect(page.data.timeZone).toBe("Europe/Oslo");
  });

  it("summarises this shop's webhook deliveries of the last 24 hours", async () => {
    await harness.connectShop();
    const path = "/webhooks/orders/paid";
    const deliver = (body: object | string, shop = TEST_SHOP) =>
      ordersPaid({ request: webhookRequest({ path, topic: "orders/paid", body, shop }), params: {}, context: {} });
    await deliver({ id: 1 });
    await deliver("{oops");
    await deliver({ id: 2 }, OTHER_SHOP);
    const page = await harness.load(loader, "/app");
    expect(page.data.webhooks).toMatchObject({ INVALID: 1, IGNORED: 0, FAILED: 0 });
    expect(page.data.webhooks.RECEIVED + page.data.webhooks.PROCESSED).toBe(1);
  });

  it("warns when the integration is off or the extension setup failed", async () => {
    await harness.connectShop({
      integrationEnabled: false,
      extensionSetupAt: null,
      extensionSetupError: "ACCESS_DENIED",
    });
    const page = await harness.load(loader, "/app");
    expect(page.data).toMatchObject({
      integrationEnabled: false,
      extensionSetup: { done: false, error: "ACCESS_DENIED" },
    });
  });

  it("refuses a request without a session token", async () => {
    const url = new URL("/app", TEST_APP.appUrl);
    url.search = new URLSearchParams({ shop: TEST_SHOP, host: BASE64_HOST, embedded: "1" }).toString();
    const thrown = await loader({ request: new Request(url), params: {}, context: {} }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    // The library bounces the document to App Bridge to fetch a fresh token.
    expect(thrown).toMatchObject({ status: 302 });
    expect((thrown instanceof Response && thrown.headers.get("Location")) || "").toContain("/auth/session-token");
  });

  it("refuses a session token signed with another secret", async () => {
    const forged = await adminRequest("/app");
    const url = new URL(forged.url);
    url.searchParams.set("id_token", `${url.searchParams.get("id_token")}x`);
    const thrown = await loader({ request: new Request(url), params: {}, context: {} }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect([302, 401]).toContain(thrown instanceof Response ? thrown.status : 0);
  });
});

describe("dashboard actions", () => {
  it("retries one order: back to pending, attempts reset, an order-sync job queued", async () => {
    await harness.connectShop();
    const { db, jobQueue } = harness.app;
    await db.orderSync.createMany({
      data: [...orderRows(TEST_SHOP, 3, "FAILED"), ...orderRows(OTHER_SHOP, 3, "FAILED")],
    });

    const result = await harness.act(action, "/app", { intent: "retry", orderId: "5000001" });

    expect(result.data).toEqual({ intent: "retry", retried: 1 });
    const order = await db.orderSync.findUniqueOrThrow({
      where: { shop_orderId: { shop: TEST_SHOP, orderId: "5000001" } },
    });
    expect(order).toMatchObject({ state: "PENDING", attempts: 0, lastError: null });
    expect(await queuedOrderKeys(jobQueue)).toEqual([`${TEST_SHOP}:5000001`]);
  });

  it("retries all failed orders of this shop only", async () => {
    await harness.connectShop();
    const { db, jobQueue } = harness.app;
    await db.orderSync.createMany({
      data: [
        ...orderRows(TEST_SHOP, 3, "FAILED"),
        ...orderRows(TEST_SHOP, 2, "SENT", 3),
        ...orderRows(OTHER_SHOP, 4, "FAILED"),
      ],
    });

    const result = await harness.act(action, "/app", { intent: "retry-all-failed" });

    expect(result.data).toEqual({ intent: "retry-all-failed", retried: 3 });
    expect(await db.orderSync.count({ where: { shop: TEST_SHOP, state: "PENDING" } })).toBe(3);
    expect(await db.orderSync.count({ where: { shop: OTHER_SHOP, state: "FAILED" } })).toBe(4);
    expect(await queuedOrderKeys(jobQueue)).toEqual([
      `${TEST_SHOP}:5000000`,
      `${TEST_SHOP}:5000001`,
      `${TEST_SHOP}:5000002`,
    ]);
  });

  it.each<{ fields: Record<string, string> }>([
    { fields: { intent: "retry", orderId: "not-a-number" } },
    { fields: { intent: "retry", orderId: "123" } },
    { fields: { intent: "explode" } },
  ])("refuses a retry it cannot do: $fields", async ({ fields }) => {
    await harness.connectShop();
    await harness.app.db.orderSync.createMany({ data: orderRows(OTHER_SHOP, 1, "FAILED") });
    const result = await harness.act(action, "/app", fields);
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ errors: { orderId: { key: "dashboard.errors.orderId" } } });
  });
});
