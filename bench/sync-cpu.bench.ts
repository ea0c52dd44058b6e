/**
 * Worker CPU and database operations per synced order (linked member, paid, no discount codes, sandbox
 * at 0 ms latency). CPU time, not wall-clock, is the figure to compare on a shared machine.
 *
 *   npm run build && npx tsx bench/sync-cpu.bench.ts --provider sqlite --orders 200
 *   npx tsx bench/sync-cpu.bench.ts --profile    # also writes a .cpuprofile of the worker to /tmp/sync-profiles
 */
import { parseArgs } from "node:util";

import { createBenchDatabase, postgresReachable } from "./support/databases";
import { ensureBuild } from "./support/processes";
import { measureSyncCpu } from "./support/sync-cpu";

const { values: options } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    orders: { type: "string", default: "200" },
    profile: { type: "boolean", default: false },
  },
});

ensureBuild();
const provider = options.provider === "postgresql" ? "postgresql" : "sqlite";
if (provider === "postgresql" && !(await postgresReachable())) throw new Error("PostgreSQL not reachable");
const database = await createBenchDatabase(provider, "synccpu");
try {
  const figures = await measureSyncCpu(
    database,
    Number(options.orders),
    options.profile ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sync-profiles"] : [],
  );
  console.log(
    `${provider}: ${figures.orders} orders; worker CPU ${figures.cpuMsPerOrder.toFixed(2)} ms per order, ` +
      `${figures.queriesPerOrder.toFixed(1)} database operations per order`,
  );
  for (const [name, perOrder] of Object.entries(figures.byOperation)) {
    console.log(`  ${perOrder.toFixed(2).padStart(6)}  ${name}`);
  }
} finally {
  await database.drop();
}
process.exit(0);
