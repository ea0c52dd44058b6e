import {
  directSqlOf,
  isUniqueConstraintError,
  modelRowsOf,
  updateRows,
  type Database,
  type LocalJob,
  type LocalJobState,
} from "~/db.server";
import type { Logger } from "~/logger.server";

import { jobNames, type JobName, type QueuePolicy } from "./definitions";
import type { QueuedJobSummary } from "./queue";

export const WAITING: LocalJobState[] = ["QUEUED", "RETRY"];

export interface NextJobState {
  state: LocalJobState;
  runAfter?: Date;
  lastError?: string | null;
}

const STATE_OF_SUMMARY: Record<QueuedJobSummary["state"], LocalJobState> = {
  queued: "QUEUED",
  active: "ACTIVE",
  retry: "RETRY",
  failed: "FAILED",
  completed: "COMPLETED",
  cancelled: "CANCELLED",
};

/**
 * The LocalJob table as the local queue uses it. The unique indexes on queuedKey/activeKey keep at
 * most one waiting and one running job per key, across processes; every write here respects them.
 * A job's claim and settle, run for every job, are direct statements (docs/decisions/049).
 */
export function createLocalJobStore(db: Database, now: () => Date, policyOf: (name: JobName) => QueuePolicy) {
  /** Moves a job out of ACTIVE. If a newer job of the same key is already waiting, that one carries on. */
  async function settle(job: LocalJob, next: NextJobState) {
    const waiting = WAITING.includes(next.state);
    const set = {
      state: next.state,
      runAfter: next.runAfter,
      lastError: next.lastError,
      activeKey: null,
      queuedKey: waiting && policyOf(job.name as JobName).keyed ? job.key : null,
      lockedUntil: null,
      finishedAt: waiting ? null : now(),
    };
    try {
      await updateRows(db, "LocalJob", { set, where: { id: job.id } });
    } catch (error) {
      if (!isUniqueConstraintError(error)) throw error;
      // Keyed jobs converge on the latest facts, so the waiting job makes this retry redundant.
      await updateRows(db, "LocalJob", {
        set: {
          ...set,
          state: "CANCELLED",
          queuedKey: null,
          finishedAt: now(),
          lastError: `${next.lastError ?? ""} (superseded by a newer queued job)`.trim(),
        },
        where: { id: job.id },
      });
    }
  }

  return {
    settle,

    /** Inserts a job; false when a job of the same key is already waiting. */
    async insert(name: JobName, key: string, data: object, delaySeconds = 0): Promise<boolean> {
      const policy = policyOf(name);
      try {
        await db.localJob.create({
          data: {
            name,
            key,
            shop: "shop" in data && typeof data.shop === "string" ? data.shop : null,
            payload: JSON.stringify(data),
            maxAttempts: policy.maxAttempts,
            runAfter: new Date(now().getTime() + delaySeconds * 1000),
            queuedKey: policy.keyed ? key : null,
          },
        });
        return true;
      } catch (error) {
        if (isUniqueConstraintError(error)) return false;
        throw error;
      }
    },

    async recoverExpired(logger: Logger) {
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
    },

    /** Locks up to `limit` due jobs for this runner; a job whose key is running elsewhere waits. */
    async claim(limit: number): Promise<LocalJob[]> {
      const candidates = modelRowsOf(
        "LocalJob",
        await directSqlOf(db).query(
          `SELECT * FROM "LocalJob" WHERE "state" IN (${WAITING.map(() => "?").join(", ")}) AND "runAfter" <= ?
           AND "name" IN (${jobNames.map(() => "?").join(", ")}) ORDER BY "runAfter" ASC LIMIT ?`,
          [...WAITING, now(), ...jobNames, limit * 4],
        ),
      );
      const claimed: LocalJob[] = [];
      for (const candidate of candidates) {
        if (claimed.length >= limit) break;
        const policy = policyOf(candidate.name as JobName);
        try {
          const [locked] = await updateRows(db, "LocalJob", {
            set: {
              state: "ACTIVE",
              queuedKey: null,
              activeKey: policy.keyed ? candidate.key : null,
              lockedUntil: new Date(now().getTime() + policy.expireSeconds * 1000),
            },
            increment: { attempts: 1 },
            where: { id: candidate.id, state: candidate.state, attempts: candidate.attempts },
            returning: true,
          });
          if (locked) claimed.push(locked);
        } catch (error) {
          // Another job of this key is running; this one waits its turn.
          if (isUniqueConstraintError(error)) continue;
          // Jobs locked already must run: thrown away here they would sit ACTIVE until their lock
          // expired (minutes). A lasting failure is thrown by the next claim, which starts empty.
          if (claimed.length > 0) break;
          throw error;
        }
      }
      return claimed;
    },

    async extendLock(job: LocalJob, expireSeconds: number) {
      await db.localJob.updateMany({
        where: { id: job.id, state: "ACTIVE" },
        data: { lockedUntil: new Date(now().getTime() + expireSeconds * 1000) },
      });
    },

    async list(
      name: JobName,
      { states, limit = 100 }: { states?: QueuedJobSummary["state"][]; limit?: number } = {},
    ): Promise<QueuedJobSummary[]> {
      const rows = await db.localJob.findMany({
        where: { name, ...(states ? { state: { in: states.map((state) => STATE_OF_SUMMARY[state]) } } : {}) },
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

    async cancelShopJobs(shop: string) {
      const { count } = await db.localJob.updateMany({
        where: { shop, state: { in: WAITING } },
        data: { state: "CANCELLED", queuedKey: null, finishedAt: now(), lastError: "cancelled for the shop" },
      });
      return count;
    },
  };
}
