import type { Database } from "~/db.server";
import { databaseProviderOf } from "~/env.server";
import type { Logger } from "~/logger.server";

import type { queuePolicies, JobName } from "./definitions";
import { createLocalQueue } from "./local-queue.server";
import { createPgBossQueue } from "./pg-boss-queue.server";
import type { JobQueue } from "./queue";

export interface JobQueueOptions {
  databaseUrl: string;
  db: Database;
  logger: Logger;
  policies?: Partial<Record<JobName, Partial<(typeof queuePolicies)[JobName]>>>;
  pollIntervalMs?: number;
  /** pg-boss only: how often expired (crashed) jobs are looked for. */
  supervisionIntervalSeconds?: number;
}

/** pg-boss on PostgreSQL (many instances and workers); the in-process runner on SQLite. */
export function createJobQueue({
  databaseUrl,
  db,
  logger,
  policies,
  pollIntervalMs,
  supervisionIntervalSeconds,
}: JobQueueOptions): JobQueue {
  const queueLogger = logger.child({ component: "jobs" });
  if (databaseProviderOf(databaseUrl) === "postgresql") {
    return createPgBossQueue({
      connectionString: databaseUrl,
      logger: queueLogger,
      policies,
      supervisionIntervalSeconds,
      ...(pollIntervalMs ? { pollingIntervalSeconds: Math.max(0.5, pollIntervalMs / 1000) } : {}),
    });
  }
  return createLocalQueue({ db, logger: queueLogger, policies, pollIntervalMs });
}
