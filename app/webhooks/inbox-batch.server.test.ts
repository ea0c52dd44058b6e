import { beforeEach, describe, expect, it } from "vitest";

import { getDatabase, type Database } from "~/db.server";
import { silentLogger } from "~/logger.server";

import { createInboxBatcher } from "./inbox-batch.server";
import type { WebhookDelivery } from "./inbox.server";
import { createWebhookReceiver } from "./receive.server";
import { createWebhookVerifier } from "./verify.server";
import { webhookRequest } from "../../tests/shopify";

const SHOP = "batch.myshopify.com";
const SECRET = "test-secret";
const db = getDatabase();

const delivery = (eventId: string, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  shop: SHOP,
  topic: "ORDERS_PAID",
  eventId,
  webhookId: `w-${eventId}`,
  apiVersion: "2026-07",
  rawBody: JSON.stringify({ id: eventId }),
  orderId: eventId,
  ...overrides,
});
const received = { status: "RECEIVED" as const };

beforeEach(async () => {
  await db.webhookEvent.deleteMany({});
  await db.shop.upsert({ where: { shop: SHOP }, create: { shop: SHOP }, update: {} });
});

describe("createInboxBatcher (group commit)", () => {
  it("stores every one of many concurrent deliveries, each with its own id", async () => {
    const record = createInboxBatcher(db);
    const results = await Promise.all(
      Array.from({ length: 250 }, (_, index) => record(delivery(`e${index}`), received)),
    );
    expect(results.every((result) => !result.duplicate && result.status === "RECEIVED")).toBe(true);
    expect(new Set(results.map((result) => result.id)).size).toBe(250);
    const stored = await db.webhookEvent.findMany({ where: { shop: SHOP }, select: { id: true, orderId: true } });
    expect(stored).toHaveLength(250);
    expect(new Set(stored.map((row) => row.id))).toEqual(new Set(results.map((result) => result.id)));
  });

  it("stores a delivery repeated in the same batch once and counts the repeats", async () => {
    const record = createInboxBatcher(db);
    const [first, second, third] = await Promise.all([
      record(delivery("same"), received),
      record(delivery("same", { webhookId: "retry" }), received),
      record(delivery("same"), received),
    ]);
    expect(first?.duplicate).toBe(false);
    expect([second?.duplicate, third?.duplicate]).toEqual([true, true]);
    expect(second?.id).toBe(first?.id);
    const rows = await db.webhookEvent.findMany({ where: { shop: SHOP }, select: { duplicates: true } });
    expect(rows).toEqual([{ duplicates: 2 }]);
  });

  it("reports a delivery stored by an earlier batch as a duplicate with the stored status", async () => {
    const record = createInboxBatcher(db);
    const stored = await record(delivery("early"), { status: "INVALID", note: "not an object" });
    const [again, fresh] = await Promise.all([record(delivery("early"), received), record(delivery("new"), received)]);
    expect(again).toEqual({ id: stored.id, status: "INVALID", duplicate: true });
    expect(fresh?.duplicate).toBe(false);
    expect(await db.webhookEvent.count({ where: { shop: SHOP } })).toBe(2);
  });

  it("answers every request of a failing batch 503, and acknowledges nothing it did not store", async () => {
    // GIVEN an inbox whose writes fail (the shop check still works)
    const failing = {
      shop: db.shop,
      session: db.session,
      $queryRaw: () => Promise.reject(new Error("connection refused")),
      webhookEvent: { create: () => Promise.reject(new Error("connection refused")) },
    } as unknown as Database;
    const receive = createWebhookReceiver({
      verifyWebhook: createWebhookVerifier(SECRET),
      maxBodyBytes: 1024 * 1024,
      db: failing,
      logger: silentLogger,
    });
    // WHEN ten deliveries arrive together
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        receive(
          webhookRequest({
            path: "/webhooks/orders/paid",
            topic: "orders/paid",
            body: { id: 100 + index },
            shop: SHOP,
            secret: SECRET,
          }),
          { topics: ["ORDERS_PAID"], job: "order-sync" },
        ),
      ),
    );
    // THEN each is answered 503 (Shopify retries) and none 200
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(503));
    expect(await db.webhookEvent.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("retries each delivery of a failed batch alone: the good ones are stored, only the bad one fails", async () => {
    // GIVEN a batch statement that fails (as one bad row fails it) and a row-by-row insert that rejects "bad"
    const rowByRow = {
      update: db.webhookEvent.update.bind(db.webhookEvent),
      create: (args: { data: { eventId: string } }) =>
        args.data.eventId === "bad"
          ? Promise.reject(new Error("value too long"))
          : db.webhookEvent.create(args as never),
    };
    const flaky = {
      $queryRaw: () => Promise.reject(new Error("batch failed")),
      webhookEvent: rowByRow,
    } as unknown as Database;
    const record = createInboxBatcher(flaky);
    // WHEN three deliveries share that batch
    const outcomes = await Promise.allSettled([
      record(delivery("ok1"), received),
      record(delivery("bad"), received),
      record(delivery("ok2"), received),
    ]);
    // THEN the two good ones are stored and resolved, the bad one alone is rejected
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const stored = await db.webhookEvent.findMany({ where: { shop: SHOP }, select: { eventId: true } });
    expect(stored.map((row) => row.eventId).sort()).toEqual(["ok1", "ok2"]);
  });
});
