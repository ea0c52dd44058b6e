/**
 * Paid order → Diller transaction throughput of the production server with its in-process worker, at
 * one or more worker concurrencies, against the limit concurrency ÷ (calls per order × latency), with
 * the server's CPU per order (`npm run bench` runs the same measurement as part of its table).
 *
 *   npm run build && npx tsx bench/throughput.bench.ts --provider postgresql --concurrency 4,8,16 --orders 600 --burst-seconds 15
 */
import { parseArgs } from "node:util";

import { startDillerSandbox } from "@diller/diller-sandbox";
import { createDatabase } from "../app/db.server";
import { createBenchDatabase, postgresReachable } from "./support/databases";
import { measureThroughput, seedLinkedShop } from "./support/pipeline";
import { ensureBuild } from "./support/processes";

const { values: options } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    concurrency: { type: "string", default: "4,8,16" },
    orders: { type: "string", default: "600" },
    "burst-seconds": { type: "string", default: "15" },
    latency: { type: "string", default: "150" },
    "in-flight": { type: "string", default: "200" },
  },
});

ensureBuild();
const provider = options.provider === "postgresql" ? "postgresql" : "sqlite";
if (provider === "postgresql" && !(await postgresReachable())) throw new Error("PostgreSQL not reachable");
const settings = {
  latencyMs: Number(options.latency),
  inFlight: Number(options["in-flight"]),
  orders: Number(options.orders),
  burstSeconds: Number(options["burst-seconds"]),
  ackDeliveries: 0,
};
const database = await createBenchDatabase(provider, "throughput");
const sandbox = await startDillerSandbox({
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  faults: { latencyMs: settings.latencyMs },
});
const db = createDatabase(database.url);
try {
  await seedLinkedShop(db, sandbox);
  let firstId = 6_000_000_000;
  for (const concurrency of options.concurrency.split(",").map(Number)) {
    const run = await measureThroughput(database, sandbox, settings, concurrency, firstId);
    firstId += run.orders + settings.inFlight + 1;
    console.log(
      `${provider} concurrency ${concurrency}, ${run.orders} orders: ${run.ordersPerSecond.toFixed(2)}/s of limit ${run.limit.toFixed(2)}/s ` +
        `(ratio ${(run.ordersPerSecond / run.limit).toFixed(2)}; Diller answered in ${run.dillerMs.toFixed(1)} ms; ` +
        `${(run.ordersPerSecond / run.nominalLimit).toFixed(2)} at the nominal latency); calls in flight ` +
        `${run.inFlight.run.toFixed(1)} of ${concurrency} (${run.inFlight.afterFirstSecond.toFixed(1)} after the first second); ` +
        `calls per order ${run.callsPerOrder.toFixed(2)}; ` +
        `server CPU ${run.serverCpuMsPerOrder.toFixed(1)} ms per order (one core's ceiling ` +
        `${(1000 / run.serverCpuMsPerOrder).toFixed(1)}/s); ack p50 ${run.withWorker.p50.toFixed(0)} ms, ` +
        `p99 ${run.withWorker.p99.toFixed(0)} ms`,
    );
  }
} finally {
  await db.$disconnect();
  await sandbox.stop();
  await database.drop();
}
process.exit(0);
