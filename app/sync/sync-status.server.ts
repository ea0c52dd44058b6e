import type { Database, OrderSync, OrderSyncState, Prisma } from "~/db.server";
import type { JobQueue } from "~/jobs/queue";

export type SyncCounts = Record<OrderSyncState, number>;

/** Orders per sync state for one shop. */
export async function countOrderSyncs(db: Database, shop: string): Promise<SyncCounts> {
  const groups = await db.orderSync.groupBy({ by: ["state"], where: { shop }, _count: { _all: true } });
  const counts: SyncCounts = { PENDING: 0, SENT: 0, CANCELLED: 0, SKIPPED: 0, FAILED: 0 };
  for (const group of groups) counts[group.state] = group._count._all;
  return counts;
}

export interface OrderSyncQuery {
  state?: OrderSyncState;
  /** Order name ("#1001" or "1001") or numeric order id. */
  search?: string;
  /** Id of the last row of the previous page (keyset pagination: fast at any depth). */
  after?: string;
  limit?: number;
}

export type OrderSyncRow = Pick<
  OrderSync,
  | "id"
  | "orderId"
  | "orderName"
  | "state"
  | "reason"
  | "lastError"
  | "attempts"
  | "externalId"
  | "totalSent"
  | "currency"
  | "updatedAt"
>;

/** One page of a shop's order sync records, newest activity first. Served by the (shop, state, updatedAt) indexes. */
export async function listOrderSyncs(
  db: Database,
  shop: string,
  query: OrderSyncQuery = {},
): Promise<{ rows: OrderSyncRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const where: Prisma.OrderSyncWhereInput = { shop };
  if (query.state) where.state = query.state;
  const search = query.search?.trim();
  if (search) {
    const digits = search.replace(/^#/, "");
    where.OR = [{ orderName: search.startsWith("#") ? search : `#${digits}` }, { orderId: digits }];
  }
  const rows = await db.orderSync.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(query.after ? { cursor: { id: query.after }, skip: 1 } : {}),
    select: {
      id: true,
      orderId: true,
      orderName: true,
      state: true,
      reason: true,
      lastError: true,
      attempts: true,
      externalId: true,
      totalSent: true,
      currency: true,
      updatedAt: true,
    },
  });
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

/**
 * Sends orders through the sync again: the given ones, or every FAILED one of the shop. They go
 * back to PENDING with a fresh attempt count; the job continues from their recorded progress.
 */
export async function retryOrderSyncs(
  db: Database,
  queue: JobQueue,
  shop: string,
  target: { orderIds: string[] } | { allFailed: true },
): Promise<number> {
  const where: Prisma.OrderSyncWhereInput =
    "allFailed" in target ? { shop, state: "FAILED" } : { shop, orderId: { in: target.orderIds } };
  const orders = await db.orderSync.findMany({ where, select: { orderId: true } });
  await db.orderSync.updateMany({
    where,
    data: { state: "PENDING", attempts: 0, reason: "Retry requested", lastError: null },
  });
  for (const { orderId } of orders) await queue.send("order-sync", { shop, orderId });
  return orders.length;
}
