/**
 * The app under load on one database: (1) the production server with its in-process worker takes a
 * burst of paid orders of a linked member without discount codes, 200 in flight, and sends them to
 * the sandbox (ack latency while the worker runs, throughput against the limit computed from the
 * calls per order measured in this very burst, the server's CPU per order), at the default worker
 * concurrency and, with the sweep, at each of CONCURRENCY_SWEEP's; (2) the same server with the
 * worker off takes a larger burst (acknowledgements per second of one process, server CPU per
 * delivery, every one stored). Requests are built and signed before each burst and sent over
 * connections a warm-up opened (./raw-http.ts).
 */
import { randomUUID } from "node:crypto";

import { DEMO_MEMBERS, startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { createDatabase, type Database } from "../../app/db.server";
import { parseEnv } from "../../app/env.server";
import { createSecretBox } from "../../app/security/encryption.server";
import type { BenchDatabase } from "./databases";
import { burstOrders, meanInFlight } from "./burst";
import { percentile, waitUntil, type Timed } from "./http";
import { createLoadClient, prepareDelivery } from "./raw-http";
import { externalIdOf, LOAD_CUSTOMER_ID, paidOrder } from "./orders";
import { appEnvironment, BENCH_ENCRYPTION_KEY, BENCH_SECRET, processCpuMs, startAppServer } from "./processes";
import type { ProviderFigures } from "./report";

export const BENCH_SHOP = "bench-shop.myshopify.com";
const silent = { info: () => {}, warn: () => {}, error: () => {} };
/** Not Diller API calls of an order: one token and one discovery serve a shop for an hour. */
const NOT_API = new Set(["requestAccessToken", "openidConfiguration"]);

export interface PipelineSettings {
  latencyMs: number;
  inFlight: number;
  ackDeliveries: number;
  orders: number;
  /**
   * Each throughput burst holds at least this many seconds of orders at its limit (one call per order),
   * so filling the pipeline while the burst is acknowledged is a small part of it at every concurrency.
   */
  burstSeconds?: number;
  concurrency?: string;
  /** Also measure throughput at each of CONCURRENCY_SWEEP's concurrencies. */
  sweep?: boolean;
}

export function summarize(results: Timed[], seconds: number) {
  const ok = results.filter((result) => result.status === 200);
  const latencies = results.map((result) => result.ms);
  return {
    count: results.length,
    ok: ok.length,
    failed: results.length - ok.length,
    failedOrOver5s: results.filter((result) => result.status !== 200 || result.ms > 5000).length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(0, ...latencies),
    perSecond: results.length / seconds,
  };
}

/** The JOB_CONCURRENCY the app runs with: the override, else the app's own default. */
export function jobConcurrency(override?: string): number {
  const env = parseEnv({
    SHOPIFY_API_KEY: "x",
    SHOPIFY_API_SECRET: "x",
    SHOPIFY_APP_URL: "https://x.example.com",
    SCOPES: "read_orders",
    APP_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    JOB_CONCURRENCY: override,
  });
  return env.JOB_CONCURRENCY;
}

/** A signed orders/paid delivery serialised for sendPrepared (built before a burst starts). */
export function preparePaid(baseUrl: string, order: Record<string, unknown>) {
  const body = JSON.stringify(order);
  return prepareDelivery(
    baseUrl,
    { path: "/webhooks/orders/paid", topic: "orders/paid", shop: BENCH_SHOP, body },
    BENCH_SECRET,
  );
}

/**
 * The bench shop, connected to the sandbox, and its customer linked as the app links one (customer
 * sync, account join): a CustomerLink row, LINKED to her member. The order sync itself does not link
 * a member it found by search (only one it registered).
 */
export async function seedLinkedShop(db: Database, sandbox: RunningSandbox) {
  const secrets = createSecretBox(Buffer.from(BENCH_ENCRYPTION_KEY, "base64"));
  await db.shop.create({
    data: {
      shop: BENCH_SHOP,
      integrationEnabled: true,
      dillerEnvironment: "custom",
      dillerBaseUrl: sandbox.baseUrl,
      dillerStoreId: sandbox.credentials.storeId,
      dillerApiKey: secrets.seal(sandbox.credentials.apiKey),
      dillerDepartmentId: "webshop",
      connectedAt: new Date(),
    },
  });
  await db.customerLink.create({
    data: {
      shop: BENCH_SHOP,
      customerId: String(LOAD_CUSTOMER_ID),
      memberId: DEMO_MEMBERS.kari,
      linkedBy: "email",
      state: "LINKED",
    },
  });
}

/** A paid order of the linked customer, without discount codes. */
export const linkedOrder = (id: number) => paidOrder(id, { discount_codes: [] });

export const sentCount = (sandbox: RunningSandbox, ids: Set<string>) =>
  sandbox.state.stores.flatMap((store) => store.transactions).filter((transaction) => ids.has(transaction.externalId))
    .length;

/** One burst through the server with its in-process worker at one concurrency. */
export interface ThroughputRun {
  concurrency: number;
  withWorker: ReturnType<typeof summarize>;
  /** Paid orders in the burst. */
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  callsPerOrder: number;
  callsByOperation: Record<string, number>;
  tokensPerOrder: number;
  /** How long the sandbox took to answer the burst's API calls, on average (its fixed latency plus its own work). */
  dillerMs: number;
  /**
   * Diller calls in flight on average (as the sandbox saw them), over the run and without its first
   * second, in which the burst's acknowledgements hold the machine: where the ratio is lost.
   */
  inFlight: { run: number; afterFirstSecond: number };
  /** concurrency ÷ (calls per order × Diller's measured answer time). */
  limit: number;
  /** The same at the sandbox's nominal latency. */
  nominalLimit: number;
  /** The server process's CPU (acknowledging and syncing) per order over the burst: 1000 ÷ this is one core's ceiling. */
  serverCpuMsPerOrder: number;
}

const warmConnections = (baseUrl: string, count: number, firstId: number) =>
  // Deliveries of a shop that never installed the app: stored as IGNORED, no job, connections opened.
  Array.from({ length: count }, (_, index) =>
    prepareDelivery(
      baseUrl,
      {
        path: "/webhooks/orders/paid",
        topic: "orders/paid",
        shop: "not-installed.myshopify.com",
        body: JSON.stringify({ id: firstId + index }),
      },
      BENCH_SECRET,
    ),
  );

export async function measureThroughput(
  database: BenchDatabase,
  sandbox: RunningSandbox,
  settings: PipelineSettings,
  concurrency: number,
  firstId: number,
): Promise<ThroughputRun> {
  const env = { JOB_CONCURRENCY: String(concurrency), JOB_WORKER: "inline" };
  const server = await startAppServer(appEnvironment(database.url, env));
  const client = createLoadClient(server.baseUrl);
  try {
    // One order warms the caches (token, store facts), the ignored deliveries the connections.
    await client.send([preparePaid(server.baseUrl, linkedOrder(firstId))], 1);
    await waitUntil(
      () => sentCount(sandbox, new Set([externalIdOf(BENCH_SHOP, firstId)])) === 1,
      "the warm-up order",
      60_000,
    );
    await client.send(warmConnections(server.baseUrl, settings.inFlight, firstId), settings.inFlight);
    const logFrom = sandbox.requestLog.length;
    const orders = Array.from({ length: burstOrders(settings, concurrency) }, (_, index) =>
      linkedOrder(firstId + 1 + index),
    );
    const ids = new Set(orders.map((order) => externalIdOf(BENCH_SHOP, Number(order.id))));
    const prepared = orders.map((order) => preparePaid(server.baseUrl, order));
    const pid = server.child.pid ?? 0;
    const cpuBefore = processCpuMs(pid);
    const started = Date.now();
    const burst = await client.send(prepared, settings.inFlight);
    // Only a time-out: generous enough for five calls per order; the limit below uses the measured calls.
    const slowestExpected = orders.length * ((5 * settings.latencyMs) / concurrency);
    await waitUntil(
      () => sentCount(sandbox, ids) === orders.length,
      "every order to reach Diller",
      Math.max(120_000, slowestExpected * 4),
    );
    const serverCpuMsPerOrder = (processCpuMs(pid) - cpuBefore) / orders.length;
    const log = sandbox.requestLog.slice(logFrom);
    const apiCalls = log.filter((entry) => !NOT_API.has(entry.operationId));
    // Until the sandbox answered the last call, not until the poll above noticed (it looks every 200 ms).
    const seconds = (Math.max(...apiCalls.map((entry) => entry.at.getTime())) - started) / 1000;
    const dillerMs = apiCalls.reduce((sum, entry) => sum + entry.ms, 0) / Math.max(1, apiCalls.length);
    const byOperation: Record<string, number> = {};
    for (const { operationId } of apiCalls) byOperation[operationId] = (byOperation[operationId] ?? 0) + 1;
    const callsPerOrder = apiCalls.length / orders.length;
    const lastAnswer = started + seconds * 1000;
    return {
      concurrency,
      withWorker: summarize(burst.results, burst.seconds),
      seconds,
      orders: orders.length,
      ordersPerSecond: orders.length / seconds,
      callsPerOrder,
      callsByOperation: Object.fromEntries(
        Object.entries(byOperation).map(([operation, count]) => [operation, count / orders.length]),
      ),
      tokensPerOrder: log.filter((entry) => entry.operationId === "requestAccessToken").length / orders.length,
      dillerMs,
      limit: concurrency / (callsPerOrder * (dillerMs / 1000)),
      inFlight: {
        run: meanInFlight(apiCalls, started, lastAnswer),
        afterFirstSecond: meanInFlight(apiCalls, started + 1000, lastAnswer),
      },
      nominalLimit: concurrency / (callsPerOrder * (settings.latencyMs / 1000)),
      serverCpuMsPerOrder,
    };
  } finally {
    client.close();
    await server.stop();
  }
}

/** Worker concurrencies measured besides the default: from CPU-sized to the app's default. */
export const CONCURRENCY_SWEEP = [4, 8, 16];

export async function runPipeline(database: BenchDatabase, settings: PipelineSettings): Promise<ProviderFigures> {
  const concurrency = jobConcurrency(settings.concurrency);
  const sandbox = await startDillerSandbox({ logger: silent, faults: { latencyMs: settings.latencyMs } });
  const db = createDatabase(database.url);
  await seedLinkedShop(db, sandbox);
  let nextId = 8_000_000_000;
  try {
    // 1. With the worker, at the default concurrency and at each of the sweep's.
    const sweep: ThroughputRun[] = [];
    for (const level of [...new Set([concurrency, ...(settings.sweep ? CONCURRENCY_SWEEP : [])])]) {
      console.log(`  worker concurrency ${level} …`);
      const run = await measureThroughput(database, sandbox, settings, level, nextId);
      sweep.push(run);
      nextId += run.orders + settings.inFlight + 1;
    }
    const main = sweep[0];
    if (!main) throw new Error("no throughput run");

    // 2. Acknowledgements alone: the web process with the worker off (as beside \`npm run worker\`).
    const webOnly = await startAppServer(
      appEnvironment(database.url, { JOB_CONCURRENCY: String(concurrency), JOB_WORKER: "off" }),
    );
    const client = createLoadClient(webOnly.baseUrl);
    let ackOnly;
    let cpuMsPerDelivery = 0;
    let stored = 0;
    try {
      const warm = Array.from({ length: settings.inFlight }, () => preparePaid(webOnly.baseUrl, paidOrder(nextId++)));
      await client.send(warm, settings.inFlight);
      const orders = Array.from({ length: settings.ackDeliveries }, () => paidOrder(nextId++, { note: randomUUID() }));
      const prepared = orders.map((order) => preparePaid(webOnly.baseUrl, order));
      const cpuBefore = processCpuMs(webOnly.child.pid ?? 0);
      const burst = await client.send(prepared, settings.inFlight);
      cpuMsPerDelivery = (processCpuMs(webOnly.child.pid ?? 0) - cpuBefore) / orders.length;
      ackOnly = summarize(burst.results, burst.seconds);
      // In slices: SQLite caps the number of bound parameters in one statement.
      const ids = orders.map((order) => String(order.id));
      for (let start = 0; start < ids.length; start += 500) {
        stored += await db.webhookEvent.count({
          where: { shop: BENCH_SHOP, orderId: { in: ids.slice(start, start + 500) } },
        });
      }
    } finally {
      client.close();
      await webOnly.stop();
    }
    return {
      provider: database.provider,
      concurrency,
      withWorker: main.withWorker,
      ackOnly,
      cpuMsPerDelivery,
      storedOfAcknowledged: { stored, acknowledged: ackOnly.ok },
      throughput: main,
      sweep,
      contractViolations: sandbox.contractViolations.length,
    };
  } finally {
    await db.$disconnect();
    await sandbox.stop();
  }
}
