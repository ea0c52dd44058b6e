/**
 * Dashboard queries at scale: 100,000 OrderSync rows for one shop (plus another shop's rows) and a
 * realistic SyncActivity history, on SQLite and on PostgreSQL. Prints the median and p95 of each
 * query the dashboard runs, and the query plans of the main ones.
 *
 *   npm run bench:dashboard                         # both providers, 100,000 rows (also part of npm run bench)
 *   npm run bench:dashboard -- --provider sqlite --rows 20000 --runs 10
 *   BENCH_POSTGRES_URL=postgresql://user@host:5432/postgres npm run bench:dashboard
 *
 * PostgreSQL runs in a temporary database `diller_bench_*` that is dropped at the end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import pg from "pg";

import { activitySeries, loadDashboard } from "~/routes/app._index/dashboard.server";
import { encodeCursor, listOrderPage } from "~/routes/app._index/order-page.server";
import { parseOrderTableQuery } from "~/routes/app._index/order-table";
import { createDatabase, type Database, type Prisma } from "../app/db.server";
import type { DatabaseProvider } from "../app/env.server";
import type { JobQueue } from "../app/jobs/queue";
import { countOrderSyncs, retryOrderSyncs } from "../app/sync/sync-status.server";
import { prismaEnv } from "../scripts/db-tools";

const { values: options } = parseArgs({
  options: {
    provider: { type: "string", default: "both" },
    rows: { type: "string", default: "100000" },
    runs: { type: "string", default: "20" },
  },
});

const ROWS = Number(options.rows);
const RUNS = Number(options.runs);
const SHOP = "bench-shop.myshopify.com";
const OTHER_SHOP = "neighbour.myshopify.com";
const OTHER_ROWS = Math.round(ROWS / 5);
const DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
const TIME_ZONE = "Europe/Oslo";
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const NOW = new Date();

type OrderState = Prisma.OrderSyncCreateManyInput["state"];

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function stateFor(draw: number): NonNullable<OrderState> {
  if (draw < 0.85) return "SENT";
  if (draw < 0.92) return "SKIPPED";
  if (draw < 0.96) return "CANCELLED";
  if (draw < 0.98) return "FAILED";
  return "PENDING";
}

async function seed(db: Database, shop: string, count: number, seedValue: number) {
  const next = random(seedValue);
  const batch = 1000;
  let activities = 0;
  for (let start = 0; start < count; start += batch) {
    const orders: Prisma.OrderSyncCreateManyInput[] = [];
    const activity: Prisma.SyncActivityCreateManyInput[] = [];
    for (let index = start; index < Math.min(count, start + batch); index++) {
      // Spread over a year, newer orders more frequent (a growing shop).
      const age = Math.floor(DAYS * next() ** 1.5 * DAY_MS);
      const at = new Date(NOW.getTime() - age);
      const state = stateFor(next());
      const orderId = String(5_000_000 + index);
      const points = Math.round(next() * 200000) / 100;
      orders.push({
        shop,
        orderId,
        orderName: `#${1000 + index}`,
        state,
        attempts: state === "FAILED" ? 10 : 1,
        lastError: state === "FAILED" ? "DillerServerError: Diller createTransaction failed with HTTP 500" : null,
        reason: state === "SKIPPED" ? "No Diller member for this customer" : null,
        externalId: state === "SENT" || state === "CANCELLED" ? `shopify-${orderId}` : null,
        totalSent: state === "SENT" ? String(points) : null,
        currency: "NOK",
        createdAt: at,
        updatedAt: at,
      });
      const entry = (
        kind: Prisma.SyncActivityCreateManyInput["kind"],
        extra: Partial<Prisma.SyncActivityCreateManyInput> = {},
      ) => activity.push({ shop, kind, orderId, at, ...extra });
      if (state === "SENT" || state === "CANCELLED") entry("TRANSACTION_SENT", { points, amount: String(points) });
      if (state === "CANCELLED") entry("TRANSACTION_CANCELLED");
      if (state === "FAILED") entry("SYNC_FAILED", { detail: "Diller answered 500" });
      if (state === "SKIPPED") entry("ORDER_SKIPPED");
      if (next() < 0.3) entry(next() < 0.5 ? "MEMBER_LINKED" : "MEMBER_REGISTERED");
    }
    await db.orderSync.createMany({ data: orders });
    await db.syncActivity.createMany({ data: activity });
    activities += activity.length;
  }
  return activities;
}

function migrate(url: string) {
  const result = spawnSync("prisma", ["migrate", "deploy"], { env: prismaEnv(url), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migration failed:\n${result.stdout}\n${result.stderr}`);
}

async function measure(name: string, run: () => Promise<unknown>, runs = RUNS) {
  for (let warmup = 0; warmup < 3; warmup++) await run();
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (quantile: number) => times[Math.min(times.length - 1, Math.floor(quantile * times.length))] ?? 0;
  console.log(
    `  ${name.padEnd(58)} median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`,
  );
}

/** The raw SQL the main queries amount to, for the planner's view. */
function plans(provider: DatabaseProvider): [string, string][] {
  const q = (name: string) => (provider === "postgresql" ? `"${name}"` : name);
  const since =
    provider === "postgresql" ? `'${new Date(NOW.getTime() - DAY_MS).toISOString()}'` : String(NOW.getTime() - DAY_MS);
  return [
    [
      "first page",
      `SELECT ${q("id")} FROM ${q("OrderSync")} WHERE ${q("shop")} = '${SHOP}' ORDER BY ${q("updatedAt")} DESC, ${q("id")} DESC LIMIT 26`,
    ],
    [
      "deep page (keyset)",
      `SELECT ${q("id")} FROM ${q("OrderSync")} WHERE ${q("shop")} = '${SHOP}' AND ${q("updatedAt")} <= ${since} AND NOT (${q("updatedAt")} = ${since} AND ${q("id")} >= 'm') ORDER BY ${q("updatedAt")} DESC, ${q("id")} DESC LIMIT 26`,
    ],
    [
      "state filter",
      `SELECT ${q("id")} FROM ${q("OrderSync")} WHERE ${q("shop")} = '${SHOP}' AND ${q("state")} = 'FAILED' ORDER BY ${q("updatedAt")} DESC, ${q("id")} DESC LIMIT 26`,
    ],
    [
      "counts",
      `SELECT ${q("state")}, COUNT(*) FROM ${q("OrderSync")} WHERE ${q("shop")} = '${SHOP}' GROUP BY ${q("state")}`,
    ],
    [
      "one day of activity",
      `SELECT ${q("kind")}, COUNT(*), SUM(${q("points")}) FROM ${q("SyncActivity")} WHERE ${q("shop")} = '${SHOP}' AND ${q("kind")} IN ('TRANSACTION_SENT','REMAINDER_SENT','TRANSACTION_CANCELLED','SYNC_FAILED') AND ${q("at")} >= ${since} GROUP BY ${q("kind")}`,
    ],
  ];
}

async function explain(db: Database, provider: DatabaseProvider) {
  console.log("  query plans:");
  for (const [name, sql] of plans(provider)) {
    const rows: Record<string, unknown>[] = await db.$queryRawUnsafe(
      provider === "postgresql" ? `EXPLAIN ${sql}` : `EXPLAIN QUERY PLAN ${sql}`,
    );
    const lines = rows.map((row) => String(row["QUERY PLAN"] ?? row.detail ?? JSON.stringify(row)));
    console.log(`    ${name}: ${lines.map((line) => line.trim()).join(" | ")}`);
  }
}

const noQueue: JobQueue = {
  engine: "local",
  send: async () => true,
  start: async () => {},
  stop: async () => {},
  list: async () => [],
  cancelShopJobs: async () => 0,
};

async function bench(provider: DatabaseProvider, url: string) {
  const db = createDatabase(url);
  try {
    const seeding = performance.now();
    const activities = await seed(db, SHOP, ROWS, 1);
    const otherActivities = await seed(db, OTHER_SHOP, OTHER_ROWS, 2);
    // A year-old table has been vacuumed and analysed by autovacuum; a freshly loaded one has not.
    await db.$executeRawUnsafe(provider === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
    console.log(
      `\n${provider}: ${ROWS.toLocaleString("en")} OrderSync + ${activities.toLocaleString("en")} SyncActivity rows for the shop, ` +
        `${OTHER_ROWS.toLocaleString("en")} + ${otherActivities.toLocaleString("en")} for another shop (seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
    );

    const shop = await db.shop.create({ data: { shop: SHOP, timezone: TIME_ZONE, integrationEnabled: true } });
    const rowAt = async (position: number, state?: "SENT") =>
      (
        await db.orderSync.findMany({
          where: { shop: SHOP, ...(state ? { state } : {}) },
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          select: { id: true, updatedAt: true },
          skip: position,
          take: 1,
        })
      )[0] ?? { id: "", updatedAt: NOW };
    const middle = await rowAt(Math.floor(ROWS / 2));
    const sentMiddle = await rowAt(Math.floor(ROWS * 0.4), "SENT");

    await measure("counts per state (countOrderSyncs)", () => countOrderSyncs(db, SHOP));
    await measure("chart: 30 days × groupBy(kind) (activitySeries)", () =>
      activitySeries(db, SHOP, { now: NOW, timeZone: TIME_ZONE }),
    );
    await measure("chart alternative: fetch 30 days of rows, bucket in JS", () =>
      db.syncActivity.findMany({
        where: {
          shop: SHOP,
          kind: { in: ["TRANSACTION_SENT", "REMAINDER_SENT", "TRANSACTION_CANCELLED", "SYNC_FAILED"] },
          at: { gte: new Date(NOW.getTime() - 30 * DAY_MS) },
        },
        select: { kind: true, at: true, points: true },
      }),
    );
    await measure("table: first page", () => listOrderPage(db, SHOP, { limit: 25 }));
    await measure(`table: page at row ${(ROWS / 2).toLocaleString("en")} (keyset on updatedAt, id)`, () =>
      listOrderPage(db, SHOP, { limit: 25, after: encodeCursor(middle) }),
    );
    await measure(`  for comparison: the same page with Prisma's cursor option`, () =>
      db.orderSync.findMany({
        where: { shop: SHOP },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
        take: 26,
        cursor: { id: middle.id },
        skip: 1,
      }),
    );
    await measure("table: state FAILED, first page", () => listOrderPage(db, SHOP, { limit: 25, state: "FAILED" }));
    await measure("table: state SENT, deep page (keyset)", () =>
      listOrderPage(db, SHOP, { limit: 25, state: "SENT", after: encodeCursor(sentMiddle) }),
    );
    await measure("table: search by order name", () =>
      listOrderPage(db, SHOP, { limit: 25, search: `#${1000 + Math.floor(ROWS / 2)}` }),
    );
    await measure("table: search by order id", () =>
      listOrderPage(db, SHOP, { limit: 25, search: String(5_000_000 + Math.floor(ROWS / 3)) }),
    );
    await measure("whole dashboard loader (loadDashboard)", () =>
      loadDashboard(db, shop, parseOrderTableQuery(new URLSearchParams()), NOW),
    );
    const failed = await db.orderSync.count({ where: { shop: SHOP, state: "FAILED" } });
    await measure(
      `retry all failed (${failed.toLocaleString("en")} orders, jobs not sent)`,
      async () => {
        await retryOrderSyncs(db, noQueue, SHOP, { allFailed: true });
        await db.orderSync.updateMany({
          where: { shop: SHOP, state: "PENDING", reason: "Retry requested" },
          data: { state: "FAILED" },
        });
      },
      5,
    );
    await explain(db, provider);
  } finally {
    await db.$disconnect();
  }
}

async function onSqlite() {
  const dir = mkdtempSync(join(tmpdir(), "diller-bench-"));
  const url = `file:${join(dir, "bench.sqlite")}`;
  try {
    migrate(url);
    await bench("sqlite", url);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres() {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`\npostgresql: skipped, cannot connect to ${POSTGRES_URL} (${String(error)})`);
    return;
  }
  const name = `diller_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  try {
    migrate(url.toString());
    await bench("postgresql", url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

console.log(`dashboard benchmark: ${RUNS} runs per query after 3 warm-ups, ${TIME_ZONE} days, node ${process.version}`);
if (options.provider === "both" || options.provider === "sqlite") await onSqlite();
if (options.provider === "both" || options.provider === "postgresql") await onPostgres();
