/**
 * Durability across processes: a worker killed in the middle of a job loses nothing and double-posts
 * nothing; several worker processes sharing one database send each order exactly once. The figures
 * (recovery time, throughput) are printed for the record, not asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { getEnv } from "~/env.server";
import type * as AppModule from "~/shopify.server";
import { createJobQueue } from "~/jobs/create-queue.server";
import { jobNames } from "~/jobs/definitions";
import { silentLogger } from "~/logger.server";
import { createSyncEngine } from "~/sync/engine.server";
import { createWebhookDispatcher } from "~/sync/dispatch.server";
import { createWebhookReceiver } from "~/webhooks/receive.server";

import { sandboxConnection } from "../diller-connection";
import { installFakeAdminApi } from "../shopify-admin-fake";
import { offlineSession, TEST_SHOP, webhookRequest } from "../shopify";

import { KARI, nokOrderFixture, SHOP_HANDLE } from "./harness";
import { startWorkerProcess, testPolicies, waitFor, type WorkerProcess } from "./processes";

const postgres = getEnv().DATABASE_URL.startsWith("postgres");
let sandbox: RunningSandbox;
let app: typeof AppModule;
let receive: ReturnType<typeof createWebhookReceiver>;
let inProcessEngine: ReturnType<typeof createSyncEngine>;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
  app = await import("~/shopify.server");
  await app.sessionStorage.storeSession(offlineSession());
  await app.db.shop.create({ data: { shop: TEST_SHOP, ...sandboxConnection(sandbox, app.secrets) } });
  // This process only receives webhooks and enqueues; the worker processes do the work.
  // Jobs carry their retry and expiry settings from the sender: the same short ones as the workers.
  const queue = createJobQueue({
    databaseUrl: getEnv().DATABASE_URL,
    db: app.db,
    logger: silentLogger,
    policies: testPolicies(jobNames),
  });
  receive = createWebhookReceiver({
    ...app.webhookVerification,
    db: app.db,
    logger: silentLogger,
    dispatch: createWebhookDispatcher(queue),
  });
  inProcessEngine = createSyncEngine({
    db: app.db,
    queue,
    admin: app.adminGateway,
    dillerFor: app.dillerClientFor,
    storeReads: app.storeReads,
    loyaltyFacts: app.loyaltyFacts,
    logger: silentLogger,
  });
  installFakeAdminApi({
    DillerProductInfo: () => ({ nodes: [] }),
    DillerOrderConsent: () => ({ order: { metafield: null } }),
  });
}, 60_000);

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill("SIGKILL")));
  await sandbox.stop();
  expect(sandbox.contractViolations).toEqual([]);
});

let nextOrderId = 9_000_000;
function paidOrder() {
  const id = nextOrderId++;
  const base = nokOrderFixture();
  return { ...base, id, name: `#W${id}`, email: KARI.email, customer: null, updated_at: "2026-11-28T10:05:00Z" };
}

async function deliverPaid(order: ReturnType<typeof paidOrder>, eventId?: string) {
  const response = await receive(
    webhookRequest({ path: "/webhooks/orders/paid", topic: "orders/paid", body: order, eventId }),
    { topics: ["ORDERS_PAID"], job: "order-sync" },
  );
  expect(response.status).toBe(200);
}

const sentFor = (orderId: number) =>
  sandbox.state.stores
    .flatMap((store) => store.transactions)
    .filter((transaction) => transaction.externalId === `shopify-${SHOP_HANDLE}-${orderId}`);

describe(`worker processes (${postgres ? "PostgreSQL, pg-boss" : "SQLite, local runner"})`, () => {
  it("a worker killed during a Diller call loses nothing and posts nothing twice", async () => {
    const order = paidOrder();
    // Diller books the purchase, then the answer never comes back: the worker is stuck in the call.
    sandbox.faults.enqueue("createTransaction", { kind: "afterEffect", then: "stall" });
    await deliverPaid(order);

    const first = await startWorkerProcess();
    workers.push(first);
    await waitFor(() => sentFor(order.id).length === 1, "Diller to book the purchase");
    const killedAt = Date.now();
    await first.kill("SIGKILL");
    const beforeRestart = await app.db.orderSync.findUnique({
      where: { shop_orderId: { shop: TEST_SHOP, orderId: String(order.id) } },
    });
    expect(beforeRestart?.state).not.toBe("SENT");

    const second = await startWorkerProcess();
    workers.push(second);
    const record = await waitFor(async () => {
      const current = await app.db.orderSync.findUnique({
        where: { shop_orderId: { shop: TEST_SHOP, orderId: String(order.id) } },
      });
      return current?.state === "SENT" ? current : null;
    }, "the restarted worker to finish the order");
    const recoveredInMs = Date.now() - killedAt;
    await second.kill("SIGTERM");

    expect(sentFor(order.id)).toHaveLength(1);
    expect(record.externalId).toBe(`shopify-${SHOP_HANDLE}-${order.id}`);
    expect(record.attempts).toBeGreaterThanOrEqual(2);
    console.log(
      `[figures] crash test: worker killed mid-call; order finished ${recoveredInMs} ms later by a new worker; Diller transactions for the order: ${sentFor(order.id).length}`,
    );
  }, 120_000);

  // PostgreSQL is the multi-process deployment (pg-boss). SQLite is one app process that receives
  // webhooks and runs the jobs itself: there, the same load runs through the in-process runner.
  const workerCount = 3;
  const orderCount = 500;
  const setting = postgres ? `${workerCount} worker processes` : "the in-process runner (SQLite)";
  it(`${setting} send ${orderCount} orders, each exactly once`, async () => {
    sandbox.faults.set({ latencyMs: 5 });
    const orders = Array.from({ length: orderCount }, paidOrder);
    const started = Date.now();
    if (postgres) {
      for (let index = 0; index < workerCount; index++)
        workers.push(await startWorkerProcess({ TEST_JOB_CONCURRENCY: "4" }));
    } else {
      await inProcessEngine.start({ concurrency: 4 });
    }
    // Every order is delivered twice (a re-sent event with a new id), half of them out of order.
    for (const [index, order] of orders.entries()) {
      await deliverPaid(order);
      if (index % 2 === 0) await deliverPaid(order, `resend-${order.id}`);
    }
    for (const order of orders.filter((_, index) => index % 2 === 1)) await deliverPaid(order, `resend-${order.id}`);
    const delivered = Date.now();

    await waitFor(
      async () =>
        (await app.db.orderSync.count({
          where: { shop: TEST_SHOP, state: "SENT", orderId: { in: orders.map((order) => String(order.id)) } },
        })) === orderCount,
      "every order to be sent",
      240_000,
    );
    const finished = Date.now();
    sandbox.faults.reset();

    const perOrder = orders.map((order) => sentFor(order.id).length);
    expect(perOrder.filter((count) => count !== 1)).toEqual([]);
    expect(await app.db.orderSync.count({ where: { shop: TEST_SHOP, state: "FAILED" } })).toBe(0);
    await inProcessEngine.stop();
    console.log(
      `[figures] multi-worker test: ${setting}, ${orderCount} orders (${orderCount * 2} deliveries) → ${perOrder.reduce((sum, count) => sum + count, 0)} Diller transactions, 0 duplicates; ` +
        `delivered in ${delivered - started} ms, all sent after ${finished - started} ms (${Math.round((orderCount / (finished - started)) * 1000)} orders/s)`,
    );
  }, 300_000);
});
