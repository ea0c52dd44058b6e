/**
 * CPU time per acknowledged delivery of the production server (`node server.mjs`, worker off), read
 * from /proc/<pid>/stat before and after a burst of signed `orders/paid` deliveries. CPU time, not
 * wall-clock, is the figure to compare on a shared machine; both are printed.
 *
 *   npm run build && npx tsx bench/ack-cpu.bench.ts --provider sqlite --deliveries 2000
 *   npx tsx bench/ack-cpu.bench.ts --profile    # also writes a .cpuprofile of the server (see --help)
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

import { createDatabase } from "../app/db.server";
import { createBenchDatabase, postgresReachable } from "./support/databases";
import { paidOrder } from "./support/orders";
import { BENCH_SHOP, preparePaid, summarize } from "./support/pipeline";
import { createLoadClient } from "./support/raw-http";
import { appEnvironment, ensureBuild, processCpuMs, startAppServer } from "./support/processes";

const { values: options } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    deliveries: { type: "string", default: "2000" },
    "in-flight": { type: "string", default: "200" },
    profile: { type: "boolean", default: false },
  },
});

ensureBuild();
const provider = options.provider === "postgresql" ? "postgresql" : "sqlite";
if (provider === "postgresql" && !(await postgresReachable())) throw new Error("PostgreSQL not reachable");
const database = await createBenchDatabase(provider, "ackcpu");
const db = createDatabase(database.url);
try {
  await db.shop.create({ data: { shop: BENCH_SHOP } });
  const nodeArgs = options.profile ? ["--cpu-prof", "--cpu-prof-dir=/tmp/ack-profiles"] : [];
  const server = await startAppServer(appEnvironment(database.url, { JOB_WORKER: "off" }), nodeArgs);
  const pid = server.child.pid ?? 0;
  try {
    let nextId = 9_000_000_000;
    // Built and signed before the clock starts: the generator's own CPU is not the server's.
    const prepare = (count: number) =>
      Array.from({ length: count }, () => preparePaid(server.baseUrl, paidOrder(nextId++, { note: randomUUID() })));
    const inFlight = Number(options["in-flight"]);
    const client = createLoadClient(server.baseUrl);
    await client.send(prepare(200), inFlight);
    const count = Number(options.deliveries);
    const requests = prepare(count);
    const cpuBefore = processCpuMs(pid);
    const driverBefore = process.cpuUsage();
    const burst = await client.send(requests, inFlight);
    client.close();
    const cpuMs = processCpuMs(pid) - cpuBefore;
    const driver = process.cpuUsage(driverBefore);
    const driverMs = (driver.user + driver.system) / 1000;
    const summary = summarize(burst.results, burst.seconds);
    console.log(
      `${provider}: ${count} deliveries, ${summary.ok} answered 200; server CPU ${(cpuMs / count).toFixed(2)} ms per delivery ` +
        `(${Math.round((count * 1000) / cpuMs)}/s per CPU-second); wall ${summary.perSecond.toFixed(0)}/s, ` +
        `ack p50 ${summary.p50.toFixed(0)} ms, p99 ${summary.p99.toFixed(0)} ms; ` +
        `load generator CPU ${(driverMs / count).toFixed(2)} ms per delivery`,
    );
  } finally {
    await server.stop("SIGINT");
  }
} finally {
  await db.$disconnect();
  await database.drop();
}
