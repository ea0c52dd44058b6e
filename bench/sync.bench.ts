/**
 * The sync engine under load, in one process as on the SQLite default (or on PostgreSQL with
 * `--provider postgresql`): how fast webhooks are acknowledged, and how fast orders then reach the
 * Diller sandbox. Prints figures; asserts nothing.
 *
 *   npm run bench:sync                         # SQLite, 500 orders
 *   npm run bench:sync -- --orders 2000 --provider postgresql
 */
import { spawnSync } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { prismaEnv } from "../scripts/db-tools";

const { values: options } = parseArgs({
  options: { orders: { type: "string", default: "500" }, provider: { type: "string", default: "sqlite" } },
});
const ORDERS = Number(options.orders);
const SHOP = "bench-shop.myshopify.com";
const SECRET = randomBytes(16).toString("hex");

let databaseUrl: string;
let cleanup: () => Promise<void>;
if (options.provider === "postgresql") {
  const server = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `diller_bench_sync_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
} else {
  const dir = mkdtempSync(join(tmpdir(), "diller-bench-"));
  databaseUrl = `file:${join(dir, "bench.sqlite")}`;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}
const migrated = spawnSync("npx", ["prisma", "migrate", "deploy"], { env: prismaEnv(databaseUrl), encoding: "utf8" });
if (migrated.status !== 0) throw new Error(migrated.stderr);

Object.assign(process.env, {
  NODE_ENV: "production",
  // The production egress policy allows loopback only when the operator lists it (decision 020).
  DILLER_ALLOWED_HOSTS: "127.0.0.1",
  JOB_WORKER: "off",
  SHOPIFY_API_KEY: "bench",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://bench.example.com",
  SCOPES: "read_orders",
  DATABASE_URL: databaseUrl,
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  LOG_LEVEL: "error",
});
const { startDillerSandbox } = await import("@diller/diller-sandbox");
const app = await import("../app/shopify.server");
const { shutdown } = await import("../app/lifecycle.server");
const { disconnectDatabase } = await import("../app/db.server");
const { webhookJobOf } = await import("../app/sync/webhook-jobs");

const sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
await app.db.shop.create({
  data: {
    shop: SHOP,
    integrationEnabled: true,
    dillerEnvironment: "custom",
    dillerBaseUrl: sandbox.baseUrl,
    dillerStoreId: sandbox.credentials.storeId,
    dillerApiKey: app.secrets.seal(sandbox.credentials.apiKey),
    dillerDepartmentId: "webshop",
  },
});

const template = JSON.parse(
  readFileSync(
    "tests/fixtures/shopify-webhooks/06-orders-paid--hkd-manual-code-plus-automatic-4-lines-shipping.json",
    "utf8",
  ).replaceAll('"HKD"', '"NOK"'),
);
function request(orderId: number): Request {
  return signed("orders/paid", {
    ...template,
    id: orderId,
    name: `#B${orderId}`,
    email: "kari.nordmann@example.com",
    customer: null,
  });
}
function signed(topic: string, payload: object): Request {
  const body = JSON.stringify(payload);
  return new Request(`https://bench.example.com/webhooks/${topic}`, {
    method: "POST",
    body,
    headers: {
      "X-Shopify-Hmac-Sha256": createHmac("sha256", SECRET).update(body).digest("base64"),
      "X-Shopify-Topic": topic,
      "X-Shopify-Shop-Domain": SHOP,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
    },
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

// 1. Acknowledging webhooks (verify, store, enqueue) while no worker runs.
const latencies: number[] = [];
for (let index = 0; index < ORDERS; index++) {
  const started = performance.now();
  const response = await app.receiveWebhook(request(1_000_000 + index), { topics: ["ORDERS_PAID"], job: "order-sync" });
  latencies.push(performance.now() - started);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
}
latencies.sort((a, b) => a - b);
console.log(
  `[${options.provider}] webhook acknowledgement, ${ORDERS} orders/paid deliveries, in process, no worker running:`,
);
console.log(
  `  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1) ?? 0)}`,
);

// 2. Draining the queue into Diller (the sandbox on loopback).
const started = performance.now();
await app.startWorker();
for (;;) {
  const sent = await app.db.orderSync.count({ where: { shop: SHOP, state: "SENT" } });
  if (sent === ORDERS) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const seconds = (performance.now() - started) / 1000;
const calls = sandbox.requestLog.length;
console.log(
  `[${options.provider}] sync of ${ORDERS} orders to the Diller sandbox with concurrency ${app.syncEngine.queue.engine === "local" ? "4 (local runner)" : "4 (pg-boss)"}:`,
);
console.log(
  `  ${seconds.toFixed(1)} s, ${(ORDERS / seconds).toFixed(0)} orders/s, ${calls} Diller calls (${(calls / ORDERS).toFixed(1)} per order), transactions in Diller: ${sandbox.state.stores[0]?.transactions.filter((transaction) => transaction.externalId.startsWith("shopify-bench-shop-")).length}`,
);

const byOperation = new Map<string, number>();
for (const entry of sandbox.requestLog)
  byOperation.set(entry.operationId, (byOperation.get(entry.operationId) ?? 0) + 1);
console.log(`  Diller calls by operation: ${[...byOperation].map(([name, count]) => `${name} ${count}`).join(", ")}`);

// 3. Diller calls per order, by scenario (token requests not counted: one per shop and hour).
const { measureCallsPerScenario } = await import("./sync-scenarios");
const perScenario = await measureCallsPerScenario({
  app,
  sandbox,
  shop: SHOP,
  receive: (topic, payload) => {
    const topicName = topic.toUpperCase().replace("/", "_");
    return app.receiveWebhook(signed(topic, payload), { topics: [topicName], job: webhookJobOf(topicName) });
  },
  template,
});
console.log(`[${options.provider}] Diller calls per order by scenario (${perScenario.ordersPerScenario} orders each):`);
for (const row of perScenario.rows)
  console.log(`  ${row.scenario.padEnd(36)} ${row.perOrder.toFixed(2)}  (${row.byOperation})`);

await shutdown();
await sandbox.stop();
await disconnectDatabase();
await cleanup();
process.exit(0);
