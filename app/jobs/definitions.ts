import { z } from "zod";

/**
 * Every background job the app runs: its payload schema and its queue policy. Both queue engines
 * (pg-boss on PostgreSQL, the local runner on SQLite) read the same definitions, so behaviour does
 * not depend on the database.
 */

const ShopPayload = z.object({ shop: z.string().min(1) });

export const jobPayloadSchemas = {
  /** Turn one stored webhook (inbox row) into facts and follow-up jobs. */
  "inbox-process": z.object({ eventId: z.string().min(1) }),
  /** Bring one order's Diller state in line with everything known about it. */
  "order-sync": ShopPayload.extend({ orderId: z.string().min(1) }),
  /** Link, register or update the Diller member of one Shopify customer. */
  "customer-sync": ShopPayload.extend({ customerId: z.string().min(1) }),
  /** Copy a linked member's id, points and level to the Shopify customer (metafields, level tag). */
  "customer-facts": ShopPayload.extend({ customerId: z.string().min(1) }),
  /** Ask Shopify for orders updated since the watermark and enqueue what webhooks missed. */
  reconcile: ShopPayload,
  /** One page of a merchant-started backfill ("send paid orders since DATE"), then the next page. */
  backfill: ShopPayload.extend({ backfillId: z.string().min(1) }),
  /** Re-enqueue inbox rows whose processing job was lost (crash between store and enqueue). */
  "inbox-sweep": z.object({}),
  /** Delete personal data older than the retention settings (app/sync/retention.server.ts). */
  "retention-purge": z.object({}),
} as const;

export type JobName = keyof typeof jobPayloadSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloadSchemas)[N]>;

export interface QueuePolicy {
  /**
   * Keyed queues run at most one job per key at a time and keep at most one more queued: a new
   * event for an order that already has a queued job is absorbed by it (the job reads the latest
   * facts when it runs). Unkeyed queues run every job.
   */
  keyed: boolean;
  /** Total attempts before the job is dead-lettered (marked failed). */
  maxAttempts: number;
  /** First retry delay; doubles per attempt with jitter, capped by maxDelaySeconds. */
  retryDelaySeconds: number;
  maxDelaySeconds: number;
  /** An attempt running longer than this is presumed dead (crashed worker) and retried. */
  expireSeconds: number;
  /**
   * pg-boss only: the worker reports every half of this while the job runs; a job without a report
   * for this long is presumed dead and retried (a crashed worker's job restarts in seconds instead
   * of waiting out `expireSeconds`). The local runner renews its lock on the same principle.
   */
  heartbeatSeconds?: number;
  /**
   * A queue with a job now and then per shop (periodic or merchant-started), not one per order or
   * customer: pg-boss polls it with one fetch loop instead of one per two slots of concurrency.
   */
  occasional?: boolean;
}

export const queuePolicies: Record<JobName, QueuePolicy> = {
  "inbox-process": { keyed: true, maxAttempts: 8, retryDelaySeconds: 5, maxDelaySeconds: 600, expireSeconds: 120 },
  "order-sync": {
    keyed: true,
    maxAttempts: 10,
    retryDelaySeconds: 30,
    maxDelaySeconds: 3600,
    expireSeconds: 300,
    heartbeatSeconds: 30,
  },
  "customer-sync": {
    keyed: true,
    maxAttempts: 10,
    retryDelaySeconds: 30,
    maxDelaySeconds: 3600,
    expireSeconds: 300,
    heartbeatSeconds: 30,
  },
  "customer-facts": { keyed: true, maxAttempts: 6, retryDelaySeconds: 30, maxDelaySeconds: 1800, expireSeconds: 120 },
  reconcile: {
    keyed: true,
    occasional: true,
    maxAttempts: 3,
    retryDelaySeconds: 60,
    maxDelaySeconds: 900,
    expireSeconds: 900,
  },
  backfill: {
    keyed: true,
    occasional: true,
    maxAttempts: 8,
    retryDelaySeconds: 30,
    maxDelaySeconds: 1800,
    expireSeconds: 300,
    heartbeatSeconds: 30,
  },
  "inbox-sweep": {
    keyed: true,
    occasional: true,
    maxAttempts: 1,
    retryDelaySeconds: 60,
    maxDelaySeconds: 60,
    expireSeconds: 120,
  },
  "retention-purge": {
    keyed: true,
    occasional: true,
    maxAttempts: 3,
    retryDelaySeconds: 300,
    maxDelaySeconds: 3600,
    expireSeconds: 1800,
  },
};

export const jobNames = Object.keys(jobPayloadSchemas) as JobName[];

/** The key that serialises a job: one order, one customer, one shop, one inbox row. */
export function jobKey<N extends JobName>(name: N, payload: JobPayload<N>): string {
  const data: Record<string, unknown> = payload;
  const parts = ["shop", "orderId", "customerId", "eventId"]
    .map((field) => data[field])
    .filter((value): value is string => typeof value === "string");
  return parts.length > 0 ? parts.join(":") : name;
}
