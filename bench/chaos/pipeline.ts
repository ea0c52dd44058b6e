/**
 * The chaos run's pipeline part, in the orchestrating process: receives the signed deliveries (the
 * app's receiver, in process), while worker processes (tests/sync/worker-process.ts: the app's sync
 * engine on pg-boss) send to a faulty Diller sandbox and one of them is SIGKILLed now and then.
 */
import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import type * as AppModule from "../../app/shopify.server";
import { createJobQueue } from "../../app/jobs/create-queue.server";
import { jobNames } from "../../app/jobs/definitions";
import { silentLogger } from "../../app/logger.server";
import { createWebhookDispatcher } from "../../app/sync/dispatch.server";
import { webhookJobOf } from "../../app/sync/webhook-jobs";
import { createWebhookReceiver } from "../../app/webhooks/receive.server";
import { sandboxConnection } from "../../tests/diller-connection";
import { startWorkerProcess, testPolicies, type WorkerProcess } from "../../tests/sync/processes";
import { TEST_SHOP, webhookRequest } from "../../tests/shopify";
import { SHOP_HANDLE } from "../../tests/sync/harness";

import { chaosWorkload, ORDER_TOTAL, random, REMAINDER_TOTAL, type ChaosOrder } from "./orders";

export interface ChaosSettings {
  orders: number;
  kills: number;
  workers: number;
  seed: number;
  timeoutSeconds: number;
}

/** Jobs expire after this long: above the Diller client's 10 s timeout, so a stalled call is not taken twice. */
const JOB_EXPIRE_SECONDS = 15;

export async function runChaosPipeline(app: typeof AppModule, settings: ChaosSettings) {
  const sandbox = await startDillerSandbox({
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    // Half of the 20 % server errors come before the operation (here), half after it took effect (below).
    faults: {
      latencyMs: 20,
      errorRate: 0.1,
      errorStatus: 503,
      retryAfterSeconds: 1,
      rateLimitRate: 0.05,
      stallRate: 0.003,
    },
  });
  await app.db.shop.create({ data: { shop: TEST_SHOP, ...sandboxConnection(sandbox, app.secrets) } });
  const queue = createJobQueue({
    databaseUrl: process.env.DATABASE_URL ?? "",
    db: app.db,
    logger: silentLogger,
    policies: testPolicies(jobNames, JOB_EXPIRE_SECONDS),
  });
  const receive = createWebhookReceiver({
    ...app.webhookVerification,
    db: app.db,
    logger: silentLogger,
    dispatch: createWebhookDispatcher(queue),
  });
  const workerEnv = { TEST_JOB_CONCURRENCY: "4", TEST_JOB_EXPIRE_SECONDS: String(JOB_EXPIRE_SECONDS) };
  const workers: WorkerProcess[] = [];
  for (let index = 0; index < settings.workers; index++) workers.push(await startWorkerProcess(workerEnv));

  const next = random(settings.seed + 1);
  const writes = new Set(["createTransaction", "cancelTransaction", "createRefundTransaction"]);
  let seen = 0;
  const faultTimer = setInterval(() => {
    // About one write in ten fails after Diller has applied it: the ambiguous failure.
    const log = sandbox.requestLog;
    for (; seen < log.length; seen++) {
      const entry = log[seen];
      if (entry && writes.has(entry.operationId) && next() < 0.1)
        sandbox.faults.enqueue(entry.operationId, { kind: "afterEffect", then: { status: 503 } });
    }
  }, 200);
  const tokenTimer = setInterval(() => sandbox.expireAllTokens(), 7_000);

  const { orders, deliveries } = chaosWorkload(settings.orders, settings.seed);
  const started = Date.now();
  let killed = 0;
  const killTimer = setInterval(() => {
    if (killed >= settings.kills) return;
    const victim = workers.splice(Math.floor(next() * workers.length), 1)[0];
    if (!victim) return;
    killed++;
    void victim.kill("SIGKILL").then(() => replace());
  }, 4_000);
  // A replacement that is slow to boot (a loaded machine) is retried, never left to crash the run.
  async function replace(attempt = 1): Promise<void> {
    try {
      workers.push(await startWorkerProcess(workerEnv));
    } catch (error) {
      if (attempt >= 3) throw error;
      await replace(attempt + 1);
    }
  }

  const statuses = new Map<number, number>();
  let cursor = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (;;) {
        const delivery = deliveries[cursor++];
        if (!delivery) return;
        const path = `/webhooks/${delivery.topic}`;
        const topicName = delivery.topic.toUpperCase().replace(/[/.]/g, "_");
        const expected = { topics: [topicName], job: webhookJobOf(topicName) };
        const response = await receive(
          webhookRequest({ path, topic: delivery.topic, body: delivery.body, eventId: delivery.eventId }),
          expected,
        );
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const deliveredAfter = Date.now() - started;

  const settled = await waitForSettled(
    app,
    queue,
    orders,
    settings.timeoutSeconds * 1000,
    () => killed >= settings.kills,
  );
  clearInterval(killTimer);
  clearInterval(faultTimer);
  clearInterval(tokenTimer);
  const finishedAfter = Date.now() - started;
  await Promise.all(workers.map((worker) => worker.kill("SIGTERM")));
  sandbox.faults.reset();

  const checks = await checkOutcome(app, sandbox, orders);
  await sandbox.stop();
  await queue.stop?.();
  return {
    deliveries: deliveries.length,
    statuses: Object.fromEntries(statuses),
    deliveredAfter,
    finishedAfter,
    settled,
    killed,
    dillerRequests: sandbox.requestLog.length,
    faultedRequests: sandbox.requestLog.filter(
      (entry) => entry.status === 0 || entry.status >= 500 || entry.status === 429,
    ).length,
    checks,
  };
}

async function waitForSettled(
  app: typeof AppModule,
  queue: ReturnType<typeof createJobQueue>,
  orders: ChaosOrder[],
  timeoutMs: number,
  killsDone: () => boolean,
): Promise<boolean> {
  const started = Date.now();
  let quiet = 0;
  while (Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let busy = 0;
    for (const name of ["inbox-process", "order-sync", "customer-sync"] as const)
      busy += (await queue.list(name, { states: ["queued", "active", "retry"] })).length;
    const settled = await app.db.orderSync.count({
      where: { shop: TEST_SHOP, state: { in: ["SENT", "CANCELLED", "FAILED", "SKIPPED"] } },
    });
    quiet = busy === 0 && settled >= orders.length && killsDone() ? quiet + 1 : 0;
    if (quiet >= 3) return true;
  }
  return false;
}

async function checkOutcome(app: typeof AppModule, sandbox: RunningSandbox, orders: ChaosOrder[]) {
  const transactions = sandbox.state.stores.flatMap((store) => store.transactions);
  const byExternalId = new Map<string, typeof transactions>();
  for (const transaction of transactions)
    byExternalId.set(transaction.externalId, [...(byExternalId.get(transaction.externalId) ?? []), transaction]);
  const syncs = new Map(
    (
      await app.db.orderSync.findMany({
        where: { shop: TEST_SHOP },
        select: { orderId: true, state: true, reason: true },
      })
    ).map((row) => [row.orderId, row]),
  );
  const problems: string[] = [];
  for (const order of orders) {
    const base = `shopify-${SHOP_HANDLE}-${order.id}`;
    const original = byExternalId.get(base) ?? [];
    const remainder = byExternalId.get(`${base}-r1`) ?? [];
    const completed = [...original, ...remainder].filter((transaction) => transaction.status === "completed");
    const sync = syncs.get(String(order.id));
    const fail = (what: string) =>
      problems.push(`order ${order.id} (${order.kind}): ${what}; sync ${sync?.state} ${sync?.reason ?? ""}`);
    if (original.length > 1 || remainder.length > 1) fail("a transaction id booked more than once");
    if (order.kind === "cancelled") {
      if (completed.length > 0) fail("a cancelled order still has a completed transaction");
      if (sync?.state !== "CANCELLED") fail("not CANCELLED");
    } else if (order.kind === "returned") {
      if (
        completed.length !== 1 ||
        completed[0]?.externalId !== `${base}-r1` ||
        completed[0]?.total !== REMAINDER_TOTAL
      )
        fail(
          `expected only the remainder ${REMAINDER_TOTAL} completed, found ${JSON.stringify(completed.map((t) => [t.externalId, t.total]))}`,
        );
      if (sync?.state !== "SENT") fail("not SENT");
    } else {
      if (completed.length !== 1 || completed[0]?.externalId !== base || completed[0]?.total !== ORDER_TOTAL)
        fail(
          `expected one transaction of ${ORDER_TOTAL}, found ${JSON.stringify(completed.map((t) => [t.externalId, t.total]))}`,
        );
      if (sync?.state !== "SENT") fail("not SENT");
    }
  }
  const inbox = await app.db.webhookEvent.groupBy({ by: ["status"], where: { shop: TEST_SHOP }, _count: true });
  const unprocessed = inbox.filter((group) => group.status === "RECEIVED" || group.status === "FAILED");
  if (unprocessed.length > 0) problems.push(`inbox not drained: ${JSON.stringify(unprocessed)}`);
  const foreign = transactions.filter((transaction) =>
    transaction.externalId.startsWith(`shopify-${SHOP_HANDLE}-`),
  ).length;
  return {
    problems,
    inbox: Object.fromEntries(inbox.map((group) => [group.status, group._count])),
    transactions: foreign,
    contractViolations: sandbox.contractViolations.length,
  };
}
