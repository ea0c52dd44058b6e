import { afterEach, describe, expect, it } from "vitest";

import { getDatabase } from "~/db.server";
import { getEnv } from "~/env.server";
import { silentLogger } from "~/logger.server";

import { createJobQueue } from "./create-queue.server";
import { PermanentJobError, retryDelayMs, type JobHandlers, type JobQueue } from "./queue";

// The same behaviour is required of both engines: this file runs against pg-boss when the suite
// runs on PostgreSQL and against the local runner on SQLite.

const fast = { retryDelaySeconds: 1, maxDelaySeconds: 1 };
let queue: JobQueue | undefined;

function newQueue(maxAttempts = 3) {
  queue = createJobQueue({
    databaseUrl: getEnv().DATABASE_URL,
    db: getDatabase(),
    logger: silentLogger,
    pollIntervalMs: 100,
    policies: { "order-sync": { ...fast, maxAttempts }, "inbox-process": { ...fast, maxAttempts } },
  });
  return queue;
}

afterEach(async () => {
  await queue?.stop({ timeoutMs: 5000 });
  queue = undefined;
});

const idle = async () => {};
function handlers(overrides: Partial<JobHandlers>): JobHandlers {
  return {
    "inbox-process": idle,
    "order-sync": idle,
    "customer-sync": idle,
    "customer-facts": idle,
    reconcile: idle,
    backfill: idle,
    "inbox-sweep": idle,
    "retention-purge": idle,
    ...overrides,
  };
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`job queue (${getEnv().DATABASE_URL.startsWith("file:") ? "local runner" : "pg-boss"})`, () => {
  it("runs a sent job once with its payload", async () => {
    const seen: unknown[] = [];
    const q = newQueue();
    await q.send("order-sync", { shop: "a.myshopify.com", orderId: "1" });
    await q.start(handlers({ "order-sync": async (payload) => void seen.push(payload) }));
    await eventually(() => seen.length === 1);
    expect(seen).toEqual([{ shop: "a.myshopify.com", orderId: "1" }]);
  });

  it("absorbs a second job for a key that already has one waiting", async () => {
    const q = newQueue();
    expect(await q.send("order-sync", { shop: "a.myshopify.com", orderId: "2" })).toBe(true);
    expect(await q.send("order-sync", { shop: "a.myshopify.com", orderId: "2" })).toBe(false);
    expect(await q.send("order-sync", { shop: "a.myshopify.com", orderId: "3" })).toBe(true);
  });

  it("never runs two jobs of one key at the same time, and runs the one queued meanwhile", async () => {
    const q = newQueue();
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let release: () => void = () => {};
    const firstStarted = new Promise<void>((resolve) => {
      void q.start(
        handlers({
          "order-sync": async ({ orderId }) => {
            if (orderId !== "9") return;
            running++;
            maxRunning = Math.max(maxRunning, running);
            runs++;
            if (runs === 1) {
              resolve();
              await new Promise<void>((done) => (release = done));
            }
            running--;
          },
        }),
        { concurrency: 4 },
      );
    });
    await q.send("order-sync", { shop: "a.myshopify.com", orderId: "9" });
    await firstStarted;
    // WHEN a new event for the same order arrives while its job runs
    expect(await q.send("order-sync", { shop: "a.myshopify.com", orderId: "9" })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // THEN it waits for the running one
    expect(runs).toBe(1);
    release();
    await eventually(() => runs === 2);
    expect(maxRunning).toBe(1);
  });

  it("retries a failing job with backoff, telling the handler its attempt number", async () => {
    const q = newQueue(3);
    const attempts: [number, boolean][] = [];
    await q.start(
      handlers({
        "order-sync": async ({ orderId }, context) => {
          if (orderId !== "4") return;
          attempts.push([context.attempt, context.isFinalAttempt]);
          if (context.attempt < 3) throw new Error("Diller unavailable");
        },
      }),
    );
    await q.send("order-sync", { shop: "a.myshopify.com", orderId: "4" });
    await eventually(() => attempts.length === 3);
    expect(attempts).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
  });

  it("dead-letters a job after its last attempt and lists it as failed with the error", async () => {
    const q = newQueue(2);
    let calls = 0;
    await q.start(
      handlers({
        "order-sync": async ({ orderId }) => {
          if (orderId !== "5") return;
          calls++;
          throw new Error("still down");
        },
      }),
    );
    await q.send("order-sync", { shop: "a.myshopify.com", orderId: "5" });
    const failedJobs = async () =>
      (await q.list("order-sync", { states: ["failed"] })).filter((job) => job.key?.endsWith(":5"));
    await eventually(async () => (await failedJobs()).length === 1);
    const [failed] = await failedJobs();
    expect(failed?.lastError).toContain("still down");
    expect(calls).toBe(2);
    // A new event for the order starts afresh after the dead letter.
    expect(await q.send("order-sync", { shop: "a.myshopify.com", orderId: "5" })).toBe(true);
  });

  it("does not retry a permanent failure", async () => {
    const q = newQueue(5);
    let calls = 0;
    await q.start(
      handlers({
        "order-sync": async ({ orderId }) => {
          if (orderId !== "6") return;
          calls++;
          throw new PermanentJobError("order payload unusable");
        },
      }),
    );
    await q.send("order-sync", { shop: "a.myshopify.com", orderId: "6" });
    await eventually(async () =>
      (await q.list("order-sync", { states: ["failed"] })).some((job) => job.key?.endsWith(":6")),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(calls).toBe(1);
  });

  it("cancels a shop's waiting jobs and leaves other shops alone", async () => {
    const q = newQueue();
    await q.send("order-sync", { shop: "gone.myshopify.com", orderId: "1" });
    await q.send("customer-sync", { shop: "gone.myshopify.com", customerId: "1" });
    await q.send("order-sync", { shop: "kept.myshopify.com", orderId: "1" });
    expect(await q.cancelShopJobs("gone.myshopify.com")).toBe(2);
    const seen: string[] = [];
    await q.start(
      handlers({
        "order-sync": async ({ shop, orderId }) => void (orderId === "1" && seen.push(shop)),
        "customer-sync": async ({ shop }) => void seen.push(shop),
      }),
    );
    await eventually(() => seen.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(seen).toEqual(["kept.myshopify.com"]);
  });
});

describe("retryDelayMs", () => {
  it.each([
    [1, 0, 15_000],
    [1, 1, 30_000],
    [2, 1, 60_000],
    [10, 1, 3_600_000],
    [10, 0, 1_800_000],
  ])("attempt %i with random %f waits %i ms (base 30 s, cap 1 h)", (attempt, random, expected) => {
    expect(retryDelayMs(attempt, 30, 3600, () => random)).toBe(expected);
  });
});
