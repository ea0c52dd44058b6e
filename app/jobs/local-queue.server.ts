import { isUniqueConstraintError, type Database, type LocalJob, type LocalJobState } from "~/db.server";
import type { Logger } from "~/logger.server";

import { jobKey, jobNames, jobPayloadSchemas, queuePolicies, type JobName, type JobPayload } from "./definitions";
import {
  describeError,
  PermanentJobError,
  retryDelayMs,
  type JobHandlers,
  type JobQueue,
  type QueuedJobSummary,
  type SendOptions,
} from "./queue";
import { insertLocalJobs } from "./local-send-many.server";

export interface LocalQueueOptions {
  db: Database;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
  /** How often an idle runner looks for due jobs (retries, delayed jobs, other processes' sends). */
  pollIntervalMs?: number;
  /** Overrides for tests, e.g. a short expiry to exercise crash recovery. */
  policies?: Partial<Record<JobName, Partial<(typeof queuePolicies)[JobName]>>>;
}

const WAITING: LocalJobState[] = ["QUEUED", "RETRY"];
const RECOVERY_INTERVAL_MS = 2000;

/**
 * The job runner for the SQLite default: durable jobs in the LocalJob table, processed in this
 * process. At-least-once: a job whose runner died (its lock expired) runs again. Keyed jobs never
 * run concurrently and at most one more waits per key; the unique indexes on queuedKey/activeKey
 * enforce that in the database, so a second process (CLI, worker) cannot break it.
 */
export function createLocalQueue({
  db,
  logger,
  now = () => new Date(),
  random = Math.random,
  pollIntervalMs = 500,
  policies: overrides = {},
}: LocalQueueOptions): JobQueue {
  const policyOf = (name: JobName) => ({ ...queuePolicies[name], ...overrides[name] });
  let handlers: JobHandlers | undefined;
  let concurrency = 2;
  let running = false;
  let wake: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  const inFlight = new Set<Promise<void>>();

  async function send<N extends JobName>(name: N, payload: JobPayload<N>, options: SendOptions = {}) {
    const data = jobPayloadSchemas[name].parse(payload);
    const key = jobKey(name, data as JobPayload<N>);
    const policy = policyOf(name);
    try {
      await db.localJob.create({
        data: {
          name,
          key,
          shop: "shop" in data ? data.shop : null,
          payload: JSON.stringify(data),
          maxAttempts: policy.maxAttempts,
          runAfter: new Date(now().getTime() + (options.delaySeconds ?? 0) * 1000),
          queuedKey: policy.keyed ? key : null,
        },
      });
    } catch (error) {
      if (isUniqueConstraintError(error)) return false;
      throw error;
    }
    wake?.();
    return true;
  }

  async function recoverExpired() {
    const expired = await db.localJob.findMany({ where: { state: "ACTIVE", lockedUntil: { lt: now() } } });
    for (const job of expired) {
      const exhausted = job.attempts >= job.maxAttempts;
      const note = "the runner stopped during this attempt (lock expired)";
      await settle(
        job,
        exhausted ? { state: "FAILED", lastError: note } : { state: "RETRY", runAfter: now(), lastError: note },
      );
      logger.warn("job lock expired", { job: job.name, jobId: job.id, attempt: job.attempts });
    }
  }

  /** Moves a job out of ACTIVE. If a newer job of the same key is already waiting, that one carries on. */
  async function settle(job: LocalJob, next: { state: LocalJobState; runAfter?: Date; lastError?: string | null }) {
    const waiting = WAITING.includes(next.state);
    const data = {
      state: next.state,
      runAfter: next.runAfter,
      lastError: next.lastError,
      activeKey: null,
      queuedKey: waiting && policyOf(job.name as JobName).keyed ? job.key : null,
      lockedUntil: null,
      finishedAt: waiting ? null : now(),
    };
    try {
      await db.localJob.update({ where: { id: job.id }, data });
    } catch (error) {
      if (!isUniqueConstraintError(error)) throw error;
      // Keyed jobs converge on the latest facts, so the waiting job makes this retry redundant.
      await db.localJob.update({
        where: { id: job.id },
        data: {
          ...data,
          state: "CANCELLED",
          queuedKey: null,
          finishedAt: now(),
          lastError: `${next.lastError ?? ""} (superseded by a newer queued job)`.trim(),
        },
      });
    }
  }

  async function claim(limit: number): Promise<LocalJob[]> {
    if (!handlers || limit <= 0) return [];
    const candidates = await db.localJob.findMany({
      where: { state: { in: WAITING }, runAfter: { lte: now() }, name: { in: jobNames } },
      orderBy: { runAfter: "asc" },
      take: limit * 4,
    });
    const claimed: LocalJob[] = [];
    for (const candidate of candidates) {
      if (claimed.length >= limit) break;
      const policy = policyOf(candidate.name as JobName);
      try {
        const { count } = await db.localJob.updateMany({
          where: { id: candidate.id, state: candidate.state, attempts: candidate.attempts },
          data: {
            state: "ACTIVE",
            attempts: { increment: 1 },
            queuedKey: null,
            activeKey: policy.keyed ? candidate.key : null,
            lockedUntil: new Date(now().getTime() + policy.expireSeconds * 1000),
          },
        });
        if (count === 1) claimed.push({ ...candidate, state: "ACTIVE", attempts: candidate.attempts + 1 });
      } catch (error) {
        // Another job of this key is running; this one waits its turn.
        if (!isUniqueConstraintError(error)) throw error;
      }
    }
    return claimed;
  }

  async function run(job: LocalJob) {
    const name = job.name as JobName;
    const policy = policyOf(name);
    const log = logger.child({ job: name, jobId: job.id, attempt: job.attempts });
    const heartbeat = setInterval(
      () => {
        void db.localJob
          .updateMany({
            where: { id: job.id, state: "ACTIVE" },
            data: { lockedUntil: new Date(now().getTime() + policy.expireSeconds * 1000) },
          })
          .catch(() => {});
      },
      Math.max(1000, (policy.expireSeconds * 1000) / 3),
    );
    try {
      const payload = jobPayloadSchemas[name].safeParse(parseJson(job.payload));
      if (!payload.success) throw new PermanentJobError(`invalid payload: ${payload.error.message}`);
      const handler = handlers?.[name] as
        ((data: unknown, context: Parameters<JobHandlers[JobName]>[1]) => Promise<void>) | undefined;
      if (!handler) throw new PermanentJobError(`no handler for ${name}`);
      await handler(payload.data, {
        jobId: job.id,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        isFinalAttempt: job.attempts >= job.maxAttempts,
        logger: log,
      });
      await recordOutcome(job, { state: "COMPLETED", lastError: null }, log);
    } catch (error) {
      const permanent = error instanceof PermanentJobError;
      const exhausted = permanent || job.attempts >= job.maxAttempts;
      const lastError = describeError(error);
      log[exhausted ? "error" : "warn"](exhausted ? "job failed" : "job attempt failed, will retry", { error });
      await recordOutcome(
        job,
        exhausted
          ? { state: "FAILED", lastError }
          : {
              state: "RETRY",
              lastError,
              runAfter: new Date(
                now().getTime() + retryDelayMs(job.attempts, policy.retryDelaySeconds, policy.maxDelaySeconds, random),
              ),
            },
        log,
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Records how an attempt ended. If even that fails (database unavailable), the job stays ACTIVE
   * and runs again once its lock expires: at-least-once, never a crashed process.
   */
  async function recordOutcome(job: LocalJob, next: Parameters<typeof settle>[1], log: Logger) {
    try {
      await settle(job, next);
    } catch (error) {
      log.error("job outcome not recorded; the job runs again when its lock expires", { error });
    }
  }

  let lastRecovery = 0;
  async function runLoop() {
    while (running) {
      try {
        // Crashed runners are rare: look for expired locks every few seconds, not on every claim.
        if (now().getTime() - lastRecovery >= RECOVERY_INTERVAL_MS) {
          lastRecovery = now().getTime();
          await recoverExpired();
        }
        const jobs = await claim(concurrency - inFlight.size);
        for (const job of jobs) {
          const task = run(job)
            .catch((error: unknown) => logger.error("job runner failed", { error }))
            .finally(() => {
              inFlight.delete(task);
              wake?.();
            });
          inFlight.add(task);
        }
        if (jobs.length > 0 && inFlight.size < concurrency) continue;
      } catch (error) {
        logger.error("job runner loop failed; retrying", { error });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    engine: "local",
    send,
    async sendMany(name, payloads) {
      const queued = await insertLocalJobs(db, name, payloads, policyOf(name), now());
      wake?.();
      return queued;
    },
    async start(jobHandlers, options = {}) {
      if (running) throw new Error("the local job queue is already running");
      handlers = jobHandlers;
      concurrency = options.concurrency ?? concurrency;
      running = true;
      loop = runLoop();
    },
    async stop({ timeoutMs = 10_000 } = {}) {
      running = false;
      wake?.();
      await loop;
      const drained = Promise.allSettled([...inFlight]);
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
    },
    async list(name, { states, limit = 100 } = {}) {
      const stateMap: Record<QueuedJobSummary["state"], LocalJobState> = {
        queued: "QUEUED",
        active: "ACTIVE",
        retry: "RETRY",
        failed: "FAILED",
        completed: "COMPLETED",
        cancelled: "CANCELLED",
      };
      const rows = await db.localJob.findMany({
        where: { name, ...(states ? { state: { in: states.map((state) => stateMap[state]) } } : {}) },
        orderBy: { createdAt: "asc" },
        take: limit,
      });
      return rows.map((row) => ({
        id: row.id,
        name,
        state: row.state.toLowerCase() as QueuedJobSummary["state"],
        key: row.key,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt,
      }));
    },
    async cancelShopJobs(shop) {
      const { count } = await db.localJob.updateMany({
        where: { shop, state: { in: WAITING } },
        data: { state: "CANCELLED", queuedKey: null, finishedAt: now(), lastError: "cancelled for the shop" },
      });
      return count;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
