import { beforeEach, describe, expect, it } from "vitest";

import { getDatabase } from "~/db.server";
import { silentLogger } from "~/logger.server";

import { purgeExpiredData } from "./retention.server";

const db = getDatabase();
const SHOP = "retention.myshopify.com";
const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
const policy = { webhookDays: 30, orderDataDays: 180 };
const ORDER_JSON = '{"id":1,"email":"guest@example.com","billing_address":{"name":"Guest"}}';

async function event(eventId: string, status: "RECEIVED" | "PROCESSED" | "INVALID" | "IGNORED", age: number) {
  await db.webhookEvent.create({
    data: {
      shop: SHOP,
      topic: "ORDERS_PAID",
      eventId,
      webhookId: eventId,
      apiVersion: "2026-07",
      payload: ORDER_JSON,
      status,
      receivedAt: daysAgo(age),
    },
  });
}

async function order(orderId: string, state: "SENT" | "SKIPPED" | "CANCELLED" | "PENDING", age: number) {
  await db.orderSync.create({
    data: {
      shop: SHOP,
      orderId,
      state,
      orderJson: ORDER_JSON,
      consentJson: '{"membership":false}',
      refundsJson: '{"9":{"id":9}}',
      externalId: `shopify-${orderId}`,
      updatedAt: daysAgo(age),
    },
  });
}

beforeEach(async () => {
  await db.webhookEvent.deleteMany({ where: { shop: SHOP } });
  await db.orderSync.deleteMany({ where: { shop: SHOP } });
});

describe("purgeExpiredData", () => {
  it("deletes finished webhook payloads past the retention period and keeps waiting or recent ones", async () => {
    await event("old-processed", "PROCESSED", 31);
    await event("old-invalid", "INVALID", 40);
    await event("old-ignored", "IGNORED", 400);
    await event("old-waiting", "RECEIVED", 31);
    await event("recent", "PROCESSED", 29);
    const result = await purgeExpiredData({ db, policy, now: NOW, logger: silentLogger });
    expect(result.webhookEvents).toBe(3);
    const left = await db.webhookEvent.findMany({
      where: { shop: SHOP },
      select: { eventId: true },
      orderBy: { eventId: "asc" },
    });
    expect(left.map((row) => row.eventId)).toEqual(["old-waiting", "recent"]);
  });

  it("clears the order data of skipped and cancelled orders after the webhook period, sent ones after the order period", async () => {
    await order("skipped-guest", "SKIPPED", 31);
    await order("cancelled", "CANCELLED", 31);
    await order("sent-recent", "SENT", 31);
    await order("sent-old", "SENT", 181);
    await order("pending-old", "PENDING", 400);
    await order("skipped-recent", "SKIPPED", 10);
    const result = await purgeExpiredData({ db, policy, now: NOW, logger: silentLogger });
    expect(result.orders).toBe(3);
    const rows = await db.orderSync.findMany({ where: { shop: SHOP }, orderBy: { orderId: "asc" } });
    const cleared = rows.filter((row) => row.orderJson === null).map((row) => row.orderId);
    expect(cleared).toEqual(["cancelled", "sent-old", "skipped-guest"]);
    const sentOld = rows.find((row) => row.orderId === "sent-old");
    // What idempotency needs stays; the list order does not change.
    expect(sentOld).toMatchObject({
      state: "SENT",
      externalId: "shopify-sent-old",
      consentJson: null,
      refundsJson: "{}",
    });
    expect(sentOld?.updatedAt.toISOString()).toBe(daysAgo(181).toISOString());
    // A second run finds nothing more.
    expect(await purgeExpiredData({ db, policy, now: NOW, logger: silentLogger })).toEqual({
      webhookEvents: 0,
      orders: 0,
    });
  });

  it("runs as the retention-purge job of the sync engine", async () => {
    const { syncEngine } = await import("~/shopify.server");
    await event("old", "PROCESSED", 400);
    const context = { jobId: "j", attempt: 1, maxAttempts: 1, isFinalAttempt: true, logger: silentLogger };
    await syncEngine.handlers["retention-purge"]({}, context);
    expect(await db.webhookEvent.count({ where: { shop: SHOP } })).toBe(0);
  });
});
