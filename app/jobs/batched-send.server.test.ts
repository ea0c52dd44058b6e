import { afterEach, describe, expect, it } from "vitest";

import { getDatabase } from "~/db.server";
import { getEnv } from "~/env.server";
import { silentLogger } from "~/logger.server";

import { withBatchedSends } from "./batched-send.server";
import { createJobQueue } from "./create-queue.server";
import type { JobHandlers, JobQueue } from "./queue";

// Runs against pg-boss on PostgreSQL and the local runner on SQLite, like queue.test.ts.
let queue: JobQueue | undefined;
afterEach(async () => {
  await queue?.stop({ timeoutMs: 5000 });
  queue = undefined;
});

const idle = async () => {};
const handlersWith = (orderSync: JobHandlers["order-sync"]): JobHandlers => ({
  "inbox-process": idle,
  "order-sync": orderSync,
  "customer-sync": idle,
  "customer-facts": idle,
  reconcile: idle,
  backfill: idle,
  "inbox-sweep": idle,
  "retention-purge": idle,
});

describe("withBatchedSends", () => {
  it("queues every job of a concurrent burst, absorbs a repeated key, and runs them all", async () => {
    queue = withBatchedSends(
      createJobQueue({
        databaseUrl: getEnv().DATABASE_URL,
        db: getDatabase(),
        logger: silentLogger,
        pollIntervalMs: 100,
      }),
    );
    const shop = `batched-${Date.now()}.myshopify.com`;
    // WHEN 50 orders are sent in one turn of the event loop, order 7 twice
    const sends = Array.from({ length: 50 }, (_, index) => queue?.send("order-sync", { shop, orderId: String(index) }));
    const repeat = queue.send("order-sync", { shop, orderId: "7" });
    const queued = await Promise.all([...sends, repeat]);
    // THEN 50 are queued and the repeat is absorbed (one waiting job per order)
    expect(queued.filter(Boolean)).toHaveLength(50);
    expect(queued.at(-1)).toBe(false);
    const ran = new Set<string>();
    await queue.start(
      handlersWith(async (payload) => {
        ran.add(payload.orderId);
      }),
      { concurrency: 8 },
    );
    const deadline = Date.now() + 20_000;
    while (ran.size < 50 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran.size).toBe(50);
  });
});
