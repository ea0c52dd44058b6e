/**
 * The database operations of one order-sync job, which the worker's CPU per order follows
 * (docs/decisions/045-cpu-per-order.md, 049-order-sync-direct-sql.md). The job runs on a client that
 * records every operation, its direct statements included (an extended client runs them as raw
 * queries); the Admin API's session read (product info) goes through the app's own client and is not listed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { createDatabase, describeStatement, observeDirectSql, type Database } from "~/db.server";
import { silentLogger } from "~/logger.server";
import { createOrderSyncHandler } from "~/sync/order-sync/handler.server";

import { TEST_SHOP } from "../shopify";
import { memberOrders, startSyncHarness, type SyncHarness } from "./harness";

const operations: { name: string; args: unknown; sql?: string }[] = [];
const recording = createDatabase(process.env.DATABASE_URL ?? "").$extends({
  query: {
    async $allOperations({ model, operation, args, query }) {
      const sql = sqlOf(args);
      operations.push({ name: sql ? describeStatement(sql) : `${model ?? "raw"}.${operation}`, args, sql });
      return query(args);
    },
  },
});

/** The text of a raw query's Prisma.Sql argument. */
function sqlOf(args: unknown): string | undefined {
  const first: unknown = Array.isArray(args) ? args[0] : args;
  if (typeof first === "object" && first !== null && "sql" in first && typeof first.sql === "string") return first.sql;
  return undefined;
}

// The extended client answers every query the app's client does; only its static type differs.
const db = recording as unknown as Database;

let nextOrderId = 9_000_000;
const paidOrder = memberOrders("O", () => nextOrderId++);
// The demo store's departments (see tests/sync/pos-orders.test.ts).
const OSLO = "61000000001";
const BERGEN = "61000000002";

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness({ shop: { currencyMismatch: "SEND" } });
  await h.app.db.locationDepartment.createMany({
    data: [
      { shop: TEST_SHOP, locationId: OSLO, departmentId: "oslo-city" },
      { shop: TEST_SHOP, locationId: BERGEN, departmentId: "bergen" },
    ],
  });
});
afterAll(async () => {
  await h.stop();
  await recording.$disconnect();
});

/** Stores the webhook as the inbox does and runs the order's job once, recording its operations. */
async function syncOnce(topic: "ORDERS_PAID" | "ORDERS_UPDATED", order: ReturnType<typeof paidOrder>, jobDb = db) {
  const customerId = String((order.customer as { id: number }).id);
  await h.app.db.customerLink.upsert({
    where: { shop_customerId: { shop: TEST_SHOP, customerId } },
    create: { shop: TEST_SHOP, customerId, memberId: DEMO_MEMBERS.kari, linkedBy: "email", state: "LINKED" },
    update: {},
  });
  const eventId = `${topic}:${order.id}:${operations.length}`;
  await h.app.db.webhookEvent.create({
    data: {
      shop: TEST_SHOP,
      topic,
      eventId,
      webhookId: eventId,
      apiVersion: "2025-10",
      payload: JSON.stringify(order),
      orderId: String(order.id),
    },
  });
  const handler = createOrderSyncHandler({
    db: jobDb,
    dillerFor: h.app.dillerClientFor,
    storeReads: h.app.storeReads,
    admin: h.app.adminGateway,
  });
  operations.length = 0;
  const context = { jobId: "test", attempt: 1, maxAttempts: 3, isFinalAttempt: false, logger: silentLogger };
  await handler({ shop: TEST_SHOP, orderId: String(order.id) }, context);
  return operations.map((operation) => operation.name);
}

describe("one order sync", () => {
  it("GIVEN a linked member's online order without discount codes WHEN it is paid THEN the job reads and writes each thing once", async () => {
    const order = paidOrder({ discount_codes: [] });
    const names = await syncOnce("ORDERS_PAID", order);
    // The shop, the waiting events and the record are read at once: their order is not fixed.
    expect(names.slice(0, 3).sort()).toEqual(["OrderSync SELECT", "Shop SELECT", "WebhookEvent SELECT"]);
    expect(names.slice(3)).toEqual([
      // The new record, with the attempt counted, then its events marked folded.
      "OrderSync INSERT",
      "WebhookEvent UPDATE",
      // No POS location: no department mapping is read.
      "CustomerLink SELECT",
      // The transaction's progress and the settlement in one write, then the shop's history.
      "OrderSync UPDATE",
      "SyncActivity INSERT",
    ]);
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT", attempts: 1 });
    expect(h.transactions().filter((transaction) => transaction.externalId.endsWith(`-${order.id}`))).toHaveLength(1);
  });

  it("GIVEN a POS order WHEN it is paid THEN only its location's department is read", async () => {
    const order = paidOrder({ discount_codes: [], source_name: "pos", location_id: Number(OSLO) });
    const names = await syncOnce("ORDERS_PAID", order);
    expect(names.filter((name) => name === "LocationDepartment.findMany")).toHaveLength(1);
    const read = operations.find((operation) => operation.name === "LocationDepartment.findMany");
    expect(read?.args).toMatchObject({ where: { shop: TEST_SHOP, locationId: { in: [OSLO] } } });
    const sent = h.transactions().find((transaction) => transaction.externalId.endsWith(`-${order.id}`));
    expect(sent?.request).toMatchObject({ origin: { channel: "POS", department_id: "oslo-city" } });
  });

  it("GIVEN a sent order WHEN an update arrives that changes only its tags THEN the order snapshot is written again but not the other facts", async () => {
    const order = paidOrder({ discount_codes: [] });
    await syncOnce("ORDERS_PAID", order);
    const updated = { ...order, tags: "vip", updated_at: "2026-11-28T10:06:00Z" };
    await syncOnce("ORDERS_UPDATED", updated);
    const fold = operations.find((operation) => operation.name === "OrderSync UPDATE");
    const assigned = /SET (.*) WHERE (.*?)( RETURNING|$)/.exec(fold?.sql ?? "");
    expect(assigned?.[1]?.split(", ").map((assignment) => assignment.split(" = ")[0])).toEqual([
      '"updatedAt"',
      '"orderJson"',
      '"orderUpdatedAt"',
      '"attempts"',
    ]);
    expect(assigned?.[1]).toContain('"attempts" = "attempts" + ?');
    expect(assigned?.[2]).toBe('"shop" = ? AND "orderId" = ?');
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT", attempts: 2 });
  });

  it("GIVEN a crash after the record was written but before its events were marked folded WHEN the job runs again THEN the events are folded again and Diller holds one transaction", async () => {
    const order = paidOrder({ discount_codes: [] });
    // The fold has no transaction (docs/decisions/049): its second write fails, as a crash there would leave it.
    const crashing = new Proxy(db, {});
    observeDirectSql(db, crashing, (sql) => {
      if (describeStatement(sql) === "WebhookEvent UPDATE") throw new Error("the process died here");
    });
    await expect(syncOnce("ORDERS_PAID", order, crashing)).rejects.toThrow("the process died here");
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "PENDING", attempts: 1 });
    const waiting = await h.app.db.webhookEvent.count({
      where: { shop: TEST_SHOP, orderId: String(order.id), status: "RECEIVED" },
    });
    expect(waiting).toBe(1);

    // The retry: the same event folds into the same facts, and the order is booked once.
    const handler = createOrderSyncHandler({
      db,
      dillerFor: h.app.dillerClientFor,
      storeReads: h.app.storeReads,
      admin: h.app.adminGateway,
    });
    const context = { jobId: "retry", attempt: 2, maxAttempts: 3, isFinalAttempt: false, logger: silentLogger };
    await handler({ shop: TEST_SHOP, orderId: String(order.id) }, context);
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT", attempts: 2 });
    expect(h.transactions().filter((transaction) => transaction.externalId.endsWith(`-${order.id}`))).toHaveLength(1);
    const processed = await h.app.db.webhookEvent.count({
      where: { shop: TEST_SHOP, orderId: String(order.id), status: "PROCESSED" },
    });
    expect(processed).toBe(1);
  });
});
