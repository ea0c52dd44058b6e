import { randomUUID } from "node:crypto";

import { PgBoss, type JobWithMetadata } from "pg-boss";

import type { Logger } from "~/logger.server";

import { jobKey, jobNames, jobPayloadSchemas, queuePolicies, type JobName, type JobPayload } from "./definitions";
import { describeError, PermanentJobError, type JobHandlers, type JobQueue, type QueuedJobSummary } from "./queue";

/** Jobs one fetch takes; each worker runs its batch concurrently (at most one job per key, by policy). */
const FETCH_BATCH = 2;

export interface PgBossQueueOptions {
  connectionString: string;
  logger: Logger;
  /** Postgres schema for pg-boss's tables. */
  schema?: string;
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks for expired (crashed) jobs; pg-boss's default is 60 s. */
  supervisionIntervalSeconds?: number;
  policies?: Partial<Record<JobName, Partial<(typeof queuePolicies)[JobName]>>>;
}

/**
 * The job queue on PostgreSQL: pg-boss, safe with any number of app instances and worker
 * processes. Keyed queues use pg-boss's `stately` policy with the job key as singletonKey: at most
 * one queued and one active job per order/customer across all workers.
 */
export function createPgBossQueue({
  connectionString,
  logger,
  schema = "pgboss",
  pollingIntervalSeconds = 0.5,
  supervisionIntervalSeconds = 30,
  policies: overrides = {},
}: PgBossQueueOptions): JobQueue {
  const boss = new PgBoss({
    connectionString,
    schema,
    application_name: "diller-loyalty",
    superviseIntervalSeconds: supervisionIntervalSeconds,
    monitorIntervalSeconds: supervisionIntervalSeconds,
    // A job's insert wakes the workers of its queue (LISTEN/NOTIFY on one held connection): a job
    // waits for a free slot, not for the next poll. Polling stays as the floor when NOTIFY is unavailable.
    useListenNotify: true,
  });
  boss.on("error", (error) => logger.error("pg-boss error", { error }));
  const policyOf = (name: JobName) => ({ ...queuePolicies[name], ...overrides[name] });
  let started: Promise<void> | undefined;
  const retrySettings = (name: JobName) => {
    const policy = policyOf(name);
    return {
      retryLimit: policy.maxAttempts - 1,
      retryDelay: policy.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: policy.maxDelaySeconds,
      expireInSeconds: policy.expireSeconds,
      ...(policy.heartbeatSeconds ? { heartbeatSeconds: policy.heartbeatSeconds } : {}),
    };
  };
  let working = false;

  function ensureStarted() {
    started ??= (async () => {
      await boss.start();
      for (const name of jobNames) {
        await boss.createQueue(name, {
          policy: policyOf(name).keyed ? "stately" : "standard",
          notify: true,
          ...retrySettings(name),
        });
        // A queue an older deploy created without NOTIFY gets it too (createQueue leaves an existing queue as it is).
        await boss.updateQueue(name, { notify: true });
      }
    })();
    return started;
  }

  return {
    engine: "pg-boss",
    async send<N extends JobName>(name: N, payload: JobPayload<N>, options: { delaySeconds?: number } = {}) {
      await ensureStarted();
      const data = jobPayloadSchemas[name].parse(payload);
      const id = await boss.send(name, data, {
        // Stamped on every job: a queue created by an older deploy keeps its stored defaults.
        ...retrySettings(name),
        singletonKey: jobKey(name, data as JobPayload<N>),
        ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
      });
      return id !== null;
    },
    async sendMany<N extends JobName>(name: N, payloads: JobPayload<N>[]) {
      await ensureStarted();
      const jobs = payloads.map((payload) => {
        const data = jobPayloadSchemas[name].parse(payload);
        // An id of our own tells which jobs the insert skipped (a keyed job already waiting).
        return { id: randomUUID(), data, singletonKey: jobKey(name, data as JobPayload<N>), ...retrySettings(name) };
      });
      const inserted = new Set((await boss.insert(name, jobs, { returnId: true })) ?? []);
      return jobs.map((job) => inserted.has(job.id));
    },
    async start(handlers: JobHandlers, { concurrency = 2 } = {}) {
      await ensureStarted();
      working = true;
      for (const name of jobNames) {
        const policy = policyOf(name);
        const handler = handlers[name] as (
          data: unknown,
          context: Parameters<JobHandlers[JobName]>[1],
        ) => Promise<void>;
        await boss.work(
          name,
          {
            // Every loop polls while idle; the occasional queues need one, not one per two slots.
            localConcurrency: policy.occasional ? 1 : Math.max(1, Math.ceil(concurrency / FETCH_BATCH)),
            batchSize: FETCH_BATCH,
            // While fetches come back full there is a backlog: fetch again at once instead of waiting a poll.
            burstWhenBatchFull: true,
            includeMetadata: true,
            perJobResults: true,
            pollingIntervalSeconds,
            // NOTIFY wakes a loop at once; the poll stays as frequent as without it (retries whose delay ran out send no NOTIFY).
            notifyPollingIntervalSeconds: pollingIntervalSeconds,
          },
          async (jobs: JobWithMetadata<unknown>[]) =>
            Promise.all(jobs.map((job) => runJob(name, policy.maxAttempts, handler, job))),
        );
      }
    },
    async stop({ timeoutMs = 10_000 } = {}) {
      if (!started) return;
      working = false;
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
      started = undefined;
    },
    async list(name, { states, limit = 100 } = {}) {
      await ensureStarted();
      const jobs = await boss.findJobs<unknown>(name, { limit: Math.min(limit * 4, 100_000) });
      const summaries = jobs.map((job): QueuedJobSummary => ({
        id: job.id,
        name,
        state: job.state === "created" ? "queued" : job.state,
        key: job.singletonKey,
        attempts: job.retryCount + (job.state === "created" ? 0 : 1),
        lastError: errorOf(job.output),
        createdAt: job.createdOn,
      }));
      return summaries.filter((job) => !states || states.includes(job.state)).slice(0, limit);
    },
    async cancelShopJobs(shop) {
      await ensureStarted();
      let cancelled = 0;
      for (const name of jobNames) {
        const queued = await boss.findJobs(name, { data: { shop }, queued: true });
        if (queued.length === 0) continue;
        await boss.cancel(
          name,
          queued.map((job) => job.id),
        );
        cancelled += queued.length;
      }
      return cancelled;
    },
  };

  async function runJob(
    name: JobName,
    maxAttempts: number,
    handler: (data: unknown, context: Parameters<JobHandlers[JobName]>[1]) => Promise<void>,
    job: JobWithMetadata<unknown>,
  ) {
    const attempt = job.retryCount + 1;
    const log = logger.child({ job: name, jobId: job.id, attempt });
    const payload = jobPayloadSchemas[name].safeParse(job.data);
    if (!payload.success)
      return {
        id: job.id,
        status: "deadletter" as const,
        output: { error: `invalid payload: ${payload.error.message}` },
      };
    if (!working) return { id: job.id, status: "failed" as const, output: { error: "worker stopping" } };
    try {
      await handler(payload.data, {
        jobId: job.id,
        attempt,
        maxAttempts,
        isFinalAttempt: attempt >= maxAttempts,
        logger: log,
      });
      return { id: job.id, status: "completed" as const };
    } catch (error) {
      const permanent = error instanceof PermanentJobError;
      log[permanent || attempt >= maxAttempts ? "error" : "warn"]("job attempt failed", { error });
      return {
        id: job.id,
        status: permanent ? ("deadletter" as const) : ("failed" as const),
        output: { error: describeError(error) },
      };
    }
  }
}

function errorOf(output: unknown): string | null {
  if (typeof output === "object" && output !== null && "error" in output && typeof output.error === "string")
    return output.error;
  return null;
}
