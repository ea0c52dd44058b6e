/**
 * CPU and database operations per synced order in a worker process: the web server (worker off) takes
 * N paid orders of a linked member, a dedicated worker (bench/support/counting-worker.ts) sends them
 * to the sandbox at 0 ms latency. Worker CPU (user + system, /proc) and its database operations are read
 * after one warm-up order and again when the queue is drained; the difference is divided by N.
 */
import { startDillerSandbox } from "@diller/diller-sandbox";
import { createDatabase } from "../../app/db.server";
import type { BenchDatabase } from "./databases";
import { waitUntil } from "./http";
import { externalIdOf } from "./orders";
import { BENCH_SHOP, linkedOrder, preparePaid, seedLinkedShop, sentCount } from "./pipeline";
import { sendPrepared } from "./raw-http";
import { appEnvironment, processCpuMs, startAppServer, startChild, type Child } from "./processes";

export interface SyncCpuFigures {
  orders: number;
  cpuMsPerOrder: number;
  /** Database operations per order, Prisma's and direct statements (pg-boss's own statements on PostgreSQL are not included). */
  queriesPerOrder: number;
  byOperation: Record<string, number>;
}

const silent = { info: () => {}, warn: () => {}, error: () => {} };

async function readCounts(worker: Child): Promise<Record<string, number>> {
  const from = worker.output.length;
  worker.child.kill("SIGUSR2");
  const line = await waitUntil(
    () =>
      worker.output
        .slice(from)
        .join("")
        .split("\n")
        .find((text) => text.startsWith("counts ")),
    "the worker's counts",
    10_000,
  );
  const parsed: unknown = JSON.parse(line.slice("counts ".length));
  return typeof parsed === "object" && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {};
}

export async function measureSyncCpu(
  database: BenchDatabase,
  orders: number,
  nodeArgs: string[] = [],
): Promise<SyncCpuFigures> {
  const sandbox = await startDillerSandbox({ logger: silent, faults: { latencyMs: 0 } });
  const db = createDatabase(database.url);
  await seedLinkedShop(db, sandbox);
  const env = appEnvironment(database.url, { JOB_WORKER: "off" });
  const server = await startAppServer(env);
  const worker = await startChild(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "bench/support/counting-worker.ts"],
    env,
    "counting worker ready",
  );
  const waiting = async () =>
    database.provider === "sqlite"
      ? db.localJob.count({ where: { state: { in: ["QUEUED", "RETRY", "ACTIVE"] }, runAfter: { lte: new Date() } } })
      : Number(
          (
            await db.$queryRawUnsafe<{ n: bigint }[]>(
              "SELECT count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()",
            )
          )[0]?.n ?? 0,
        );
  const sendAndDrain = async (ids: number[]) => {
    const batch = ids.map((id) => linkedOrder(id));
    await sendPrepared(
      server.baseUrl,
      batch.map((order) => preparePaid(server.baseUrl, order)),
      50,
    );
    const external = new Set(ids.map((id) => externalIdOf(BENCH_SHOP, id)));
    await waitUntil(() => sentCount(sandbox, external) === ids.length, "every order to reach Diller", 300_000);
    await waitUntil(async () => (await waiting()) === 0, "the queue to drain", 60_000);
  };
  try {
    await sendAndDrain([7_000_000_000]);
    const pid = worker.child.pid ?? 0;
    const countsBefore = await readCounts(worker);
    const cpuBefore = processCpuMs(pid);
    await sendAndDrain(Array.from({ length: orders }, (_, index) => 7_000_000_001 + index));
    const cpuMs = processCpuMs(pid) - cpuBefore;
    const countsAfter = await readCounts(worker);
    const byOperation = Object.fromEntries(
      Object.entries(countsAfter)
        .map(([name, count]) => [name, (count - (countsBefore[name] ?? 0)) / orders] as const)
        .filter(([, perOrder]) => perOrder > 0)
        .sort((a, b) => b[1] - a[1]),
    );
    const queriesPerOrder = Object.values(byOperation).reduce((sum, value) => sum + value, 0);
    return { orders, cpuMsPerOrder: cpuMs / orders, queriesPerOrder, byOperation };
  } finally {
    await worker.stop();
    await server.stop();
    await db.$disconnect();
    await sandbox.stop();
  }
}
