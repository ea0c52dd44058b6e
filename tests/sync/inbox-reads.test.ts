/**
 * A job reads only its own order's (customer's) unprocessed webhook events, however long the inbox
 * is. SQLite without statistics once preferred the (status, receivedAt) index to skip a sort and
 * scanned every unprocessed event of every order: a burst of n deliveries cost n² row reads. The
 * query plans of the two reads must use the subject's index, on either database.
 */
import { afterAll, describe, expect, it } from "vitest";

import { createDatabase, observeDirectSql } from "~/db.server";
import { databaseProviderOf } from "~/env.server";
import { readPendingOrderEvents } from "~/sync/order-events.server";

const url = process.env.DATABASE_URL ?? "";
const db = createDatabase(url);
const provider = databaseProviderOf(url);
afterAll(() => db.$disconnect());

/** The statement readPendingOrderEvents runs for the inbox, as it sends it. */
async function orderEventsStatement(): Promise<string> {
  const observed = createDatabase(url);
  const statements: string[] = [];
  observeDirectSql(db, observed, (sql) => statements.push(sql));
  await readPendingOrderEvents(observed, "plan-shop.myshopify.com", "1");
  await observed.$disconnect();
  const statement = statements.find((sql) => sql.includes(`FROM "WebhookEvent"`));
  if (!statement) throw new Error("readPendingOrderEvents did not read the inbox");
  return statement;
}

const CUSTOMER_EVENTS = `SELECT * FROM "WebhookEvent" WHERE "shop" = ? AND "customerId" = ? AND "status" = 'RECEIVED' AND "topic" IN ('CUSTOMERS_CREATE', 'CUSTOMERS_UPDATE') ORDER BY "receivedAt" ASC`;

/** The index names in the plan of a statement with two text parameters. */
async function indexesUsed(statement: string): Promise<string> {
  if (provider === "postgresql") {
    const numbered = statement.replace(
      /\?/g,
      (_, offset: number) => `$${statement.slice(0, offset).split("?").length}`,
    );
    // An empty table is read faster whole; without sequential scans the planner shows which index it takes.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${numbered}`, "shop", "1");
    });
    return JSON.stringify(plan);
  }
  const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${statement}`, "shop", "1");
  return plan.map((step) => step.detail).join("; ");
}

describe("inbox reads", () => {
  it("reads one order's events through the (shop, orderId, status, receivedAt) index", async () => {
    const plan = await indexesUsed(await orderEventsStatement());
    expect(plan).toContain("WebhookEvent_shop_orderId_status_receivedAt_idx");
    expect(plan).not.toContain("WebhookEvent_status_receivedAt_idx");
  });

  it("reads one customer's events through the (shop, customerId, status, receivedAt) index", async () => {
    const plan = await indexesUsed(CUSTOMER_EVENTS);
    expect(plan).toContain("WebhookEvent_shop_customerId_status_receivedAt_idx");
    expect(plan).not.toContain("WebhookEvent_status_receivedAt_idx");
  });
});
