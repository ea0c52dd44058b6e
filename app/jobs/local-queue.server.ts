import type { Database, LocalJob } from "~/db.server";
import type { Logger } from "~/logger.server";

import { jobKey, jobPayloadSchemas, queuePolicies, type JobName, type JobPayload } from "./definitions";
import { createLocalJobStore, type NextJobState } from "./local-job-store.server";
import {
  describeError,
  PermanentJobError,
  retryDelayMs,
  type JobHandlers,
  type JobQueue,
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

const RECOVERY_INTERVAL_MS = 2000;
const OUTCOME_ATTEMPTS = 3;
const OUTCOME_RETRY_MS = 500;

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
  /**
   * Set by a wake-up that came while the loop was not asleep (claiming, say): the loop then claims
   * again at once instead of sleeping a poll interval with a slot free or a job due. Without it a
   * job that finished during a claim left its slot idle for up to pollIntervalMs, and at low
   * concurrency most of a job's time was that wait.
   */
  let wakeRequested = false;
  const wakeUp = () => {
    wakeRequested = true;
    wake?.();
  };
  let loop: Promise<void> | undefined;
  const inFlight = new Set<Promise<void>>();

  const store = createLocalJobStore(db, now, policyOf);

  async function send<N extends JobName>(name: N, payload: JobPayload<N>, options: SendOptions = {}) {
    const data = jobPayloadSchemas[name].parse(payload);
    const inserted = await store.insert(name, jobKey(name, data as JobPayload<N>), data, options.delaySeconds);
    if (inserted) wakeUp();
    return inserted;
  }

  async function claim(limit: number): Promise<LocalJob[]> {
    if (!handlers || limit <= 0) return [];
    return store.claim(limit);
  }

  async function run(job: LocalJob) {
    const name = job.name as JobName;
    const policy = policyOf(name);
    const log = logger.child({ job: name, jobId: job.id, attempt: job.attempts });
    const heartbeat = setInterval(
      () => {
        store.extendLock(job, policy.expireSeconds).catch(() => {});
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
  async function recordOutcome(job: LocalJob, next: NextJobState, log: Logger) {
    // A busy SQLite file (another process writing) fails a write after its busy timeout; a few
    // more tries spare the job a wait of its whole lock time.
    for (let attempt = 1; ; attempt++) {
      try {
        await store.settle(job, next);
        return;
      } catch (error) {
        if (attempt >= OUTCOME_ATTEMPTS) {
          log.error("job outcome not recorded; the job runs again when its lock expires", { error });
          return;
        }
        log.warn("job outcome not recorded; trying again", { error, attempt });
        await new Promise((resolve) => setTimeout(resolve, OUTCOME_RETRY_MS * attempt));
      }
    }
  }

  let lastRecovery = 0;
  async function runLoop() {
    while (running) {
      try {
        // Crashed runners are rare: look for expired locks every few seconds, not on every claim.
        if (now().getTime() - lastRecovery >= RECOVERY_INTERVAL_MS) {
          lastRecovery = now().getTime();
          await store.recoverExpired(logger);
        }
        const jobs = await claim(concurrency - inFlight.size);
        for (const job of jobs) {
          const task = run(job)
            .catch((error: unknown) => logger.error("job runner failed", { error }))
            .finally(() => {
              inFlight.delete(task);
              wakeUp();
            });
          inFlight.add(task);
        }
        if (jobs.length > 0 && inFlight.size < concurrency) continue;
      } catch (error) {
        logger.error("job runner loop failed; retrying", { error });
        wakeRequested = false; // after a failure, always wait a poll interval
      }
      const claimAgain = wakeRequested && running && inFlight.size < concurrency;
      wakeRequested = false;
      if (claimAgain) continue;
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
      wakeUp();
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
    list: store.list,
    cancelShopJobs: store.cancelShopJobs,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
