/**
 * `npm run bench`: the whole benchmark in one run — prints a table and writes docs/performance.md.
 *
 *   npm run bench                 # full size: 2,000 acknowledgements, bursts of 600 orders or 15 s at the limit, 100,000 dashboard rows
 *   npm run bench -- --quick      # small sizes, for a loaded machine or a smoke check
 *   npm run bench -- --provider sqlite --latency 150 --in-flight 200 --no-write
 *   npm run bench -- --no-sweep   # throughput at the default worker concurrency only
 *
 * The production server (build/, `node server.mjs`) is driven over HTTP with signed deliveries, on a
 * fresh SQLite file and on a fresh PostgreSQL database (created and dropped here). The Diller sandbox
 * runs in this process with a fixed injected latency. A benchmark, not a test: it asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

import type { DatabaseProvider } from "../app/env.server";
import { runBaseline } from "./support/baseline";
import { createBenchDatabase, postgresReachable } from "./support/databases";
import { ensureBuild } from "./support/processes";
import { machineDescription, renderReport, type BenchFigures, type ProviderFigures } from "./support/report";
import { runPipeline } from "./support/pipeline";
import { storefrontRoutes } from "./support/routes";
import { writeFormattedDoc } from "./support/write-doc";
import { measureSyncCpu } from "./support/sync-cpu";

const { values: options } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    provider: { type: "string", default: "both" },
    latency: { type: "string", default: "150" },
    "in-flight": { type: "string", default: "200" },
    "ack-deliveries": { type: "string" },
    orders: { type: "string" },
    rows: { type: "string" },
    concurrency: { type: "string" },
    "no-write": { type: "boolean", default: false },
    "no-sweep": { type: "boolean", default: false },
  },
});
const quick = options.quick;
const settings = {
  latencyMs: Number(options.latency),
  inFlight: Number(options["in-flight"]),
  ackDeliveries: Number(options["ack-deliveries"] ?? (quick ? 400 : 2000)),
  // Long enough that filling and draining the pipeline is a small part of the burst at every concurrency.
  orders: Number(options.orders ?? (quick ? 40 : 600)),
  burstSeconds: quick ? 0 : 15,
  dashboardRows: Number(options.rows ?? (quick ? 10_000 : 100_000)),
  scenarioOrders: quick ? 2 : 5,
  concurrency: options.concurrency,
  sweep: !quick && !options["no-sweep"],
  quick,
};

ensureBuild();
const providers: DatabaseProvider[] =
  options.provider === "both"
    ? ["sqlite", "postgresql"]
    : [options.provider === "postgresql" ? "postgresql" : "sqlite"];

const perProvider: ProviderFigures[] = [];
for (const provider of providers) {
  if (provider === "postgresql" && !(await postgresReachable())) {
    perProvider.push({ provider, skipped: "PostgreSQL not reachable (set BENCH_POSTGRES_URL)" });
    continue;
  }
  console.log(`\n[${provider}] acknowledgement and sync throughput …`);
  const database = await createBenchDatabase(provider, "bench");
  try {
    perProvider.push(await runPipeline(database, settings));
  } finally {
    await database.drop();
  }
  console.log(`[${provider}] worker CPU per synced order …`);
  const syncDatabase = await createBenchDatabase(provider, "synccpu");
  try {
    const figures = perProvider.at(-1);
    if (figures && !("skipped" in figures)) figures.syncCpu = await measureSyncCpu(syncDatabase, settings.orders);
  } catch (error) {
    // The table then says "not measured"; the rest of the bench still runs (see decision 045 on a stalled run).
    console.log(`worker CPU per synced order not measured: ${String(error)}`);
  } finally {
    await syncDatabase.drop();
  }
}

console.log("\nbaseline (Diller called inside the webhook request) …");
const baseline = await runBaseline(settings);

console.log("\nDiller calls per order, per scenario …");
const scenarioDatabase = await createBenchDatabase("sqlite", "scenarios");
const scenarioRun = spawnSync(process.execPath, ["--import", "tsx", "bench/scenarios.bench.ts"], {
  env: { ...process.env, DATABASE_URL: scenarioDatabase.url, SCENARIO_ORDERS: String(settings.scenarioOrders) },
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
await scenarioDatabase.drop();
const scenarioLine = scenarioRun.stdout.split("\n").find((line) => line.startsWith("scenarios "));
const scenarios = scenarioLine ? JSON.parse(scenarioLine.slice("scenarios ".length)) : undefined;
if (!scenarios) console.log(`scenario run failed:\n${scenarioRun.stdout}\n${scenarioRun.stderr}`);

console.log("\ncheckout and customer-account routes …");
const routes = storefrontRoutes({ latencyMs: settings.latencyMs, requests: quick ? 40 : 200 });

console.log(`\ndashboard loader at ${settings.dashboardRows.toLocaleString("en")} orders …`);
const dashboardRun = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "bench/dashboard.bench.ts",
    "--provider",
    options.provider,
    "--rows",
    String(settings.dashboardRows),
    "--runs",
    quick ? "5" : "20",
  ],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
);
const dashboard: Record<string, { median: number; p95: number }> = {};
let current = "";
for (const line of dashboardRun.stdout.split("\n")) {
  const provider = /^(sqlite|postgresql): /.exec(line)?.[1];
  if (provider) current = provider;
  const figures = /whole dashboard loader \(loadDashboard\)\s+median\s+([\d.]+) ms\s+p95\s+([\d.]+) ms/.exec(line);
  if (figures && current) dashboard[current] = { median: Number(figures[1]), p95: Number(figures[2]) };
}
if (Object.keys(dashboard).length === 0) console.log(`dashboard run failed:\n${dashboardRun.stderr}`);

const figures: BenchFigures = {
  machine: machineDescription(),
  settings,
  providers: perProvider,
  baseline,
  scenarios,
  routes,
  dashboard,
};
const report = renderReport(figures);
console.log(`\n${report.table}`);
if (!options["no-write"]) {
  await writeFormattedDoc("docs/performance.md", report.markdown);
  console.log("\nwrote docs/performance.md");
}
process.exit(0);
