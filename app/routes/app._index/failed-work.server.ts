import type { Database } from "~/db.server";
import type { JobQueue } from "~/jobs/queue";

import type { DeadJobView, FailedCustomerView, RetryableJob } from "~/admin/views";

/**
 * Dead-lettered jobs a merchant can sensibly re-run. Order syncs are not listed here: a failed order
 * is FAILED in the order table, with its own Retry. Backfills have their own page.
 */
export const RETRYABLE_JOBS = ["customer-sync", "customer-facts", "reconcile"] as const satisfies RetryableJob[];

const SCAN_LIMIT = 1000;

/** The shop's failed customer syncs and dead-lettered jobs that no later run has replaced. */
export async function listFailedWork(
  { db, queue }: { db: Database; queue: JobQueue },
  shop: string,
): Promise<{ customers: FailedCustomerView[]; jobs: DeadJobView[] }> {
  const links = await db.customerLink.findMany({
    where: { shop, state: "FAILED" },
    orderBy: { updatedAt: "desc" },
    take: 50,
  });
  const jobs: DeadJobView[] = [];
  for (const name of RETRYABLE_JOBS) {
    const all = await queue.list(name, { limit: SCAN_LIMIT });
    const ours = all.filter((job) => job.key === shop || job.key?.startsWith(`${shop}:`));
    for (const job of ours) {
      if (job.state !== "failed") continue;
      // A later job for the same subject (a retry, a new event) supersedes the dead one.
      const replaced = ours.some((other) => other.key === job.key && other.createdAt > job.createdAt);
      if (replaced) continue;
      jobs.push({
        id: job.id,
        name,
        subject: job.key === shop ? "" : (job.key?.slice(shop.length + 1) ?? ""),
        attempts: job.attempts,
        lastError: job.lastError,
        createdAt: job.createdAt.toISOString(),
      });
    }
  }
  return {
    customers: links.map((link) => ({
      customerId: link.customerId,
      reason: link.reason,
      lastError: link.lastError,
      updatedAt: link.updatedAt.toISOString(),
    })),
    jobs,
  };
}

/** Queues a failed customer's sync again; resolves the number queued (0 when it is not failed). */
export async function retryFailedCustomer(db: Database, queue: JobQueue, shop: string, customerId: string) {
  const { count } = await db.customerLink.updateMany({
    where: { shop, customerId, state: "FAILED" },
    data: { state: "PENDING", reason: "Queued again from the dashboard" },
  });
  if (count === 0) return 0;
  await queue.send("customer-sync", { shop, customerId });
  return 1;
}

/** Runs a dead-lettered job of the shop again; resolves the number queued. */
export async function retryDeadJob(queue: JobQueue, shop: string, name: RetryableJob, subject: string) {
  switch (name) {
    case "reconcile":
      await queue.send("reconcile", { shop });
      return 1;
    case "customer-sync":
    case "customer-facts":
      if (!/^\d{1,20}$/.test(subject)) return 0;
      await queue.send(name, { shop, customerId: subject });
      return 1;
  }
}
