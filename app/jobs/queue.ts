import type { Logger } from "~/logger.server";

import type { JobName, JobPayload } from "./definitions";

export interface JobContext {
  jobId: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** No retry follows if this attempt throws: record the failure for the merchant now. */
  isFinalAttempt: boolean;
  logger: Logger;
}

export type JobHandler<N extends JobName> = (payload: JobPayload<N>, context: JobContext) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export interface SendOptions {
  /** Run no earlier than this many seconds from now. */
  delaySeconds?: number;
}

export interface QueuedJobSummary {
  id: string;
  name: JobName;
  state: "queued" | "active" | "retry" | "failed" | "completed" | "cancelled";
  key: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/** The contract both engines implement (see app/jobs/local-queue.server.ts and pg-boss-queue.server.ts). */
export interface JobQueue {
  readonly engine: "local" | "pg-boss";
  /** Durable once it resolves. A duplicate of a queued keyed job is absorbed (resolves `false`). */
  send<N extends JobName>(name: N, payload: JobPayload<N>, options?: SendOptions): Promise<boolean>;
  /** Immediate jobs of one queue in one write, each as `send` would queue it; per payload whether it was queued. */
  sendMany?<N extends JobName>(name: N, payloads: JobPayload<N>[]): Promise<boolean[]>;
  /** Starts processing with these handlers until stop(). */
  start(handlers: JobHandlers, options?: { concurrency?: number }): Promise<void>;
  /** Stops taking jobs and waits for running ones (up to the timeout). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Queued and failed jobs of one queue (operator view). */
  list(name: JobName, options?: { states?: QueuedJobSummary["state"][]; limit?: number }): Promise<QueuedJobSummary[]>;
  /** Cancels every queued job whose payload belongs to the shop (uninstall, kill switch). */
  cancelShopJobs(shop: string): Promise<number>;
}

/**
 * Thrown by a handler when retrying cannot help (bad data, configuration missing). The failure is
 * recorded by the handler; the job ends without further attempts.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** Exponential backoff with full jitter: random in [delay/2, delay], delay = base·2^(attempt-1), capped. */
export function retryDelayMs(attempt: number, baseSeconds: number, maxSeconds: number, random = Math.random): number {
  const exponential = Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1)) * 1000;
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
  return String(error).slice(0, 2000);
}
