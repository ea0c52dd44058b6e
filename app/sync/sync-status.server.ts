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
  /** The `nextCursor` of the previous page. */
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

interface Cursor {
  updatedAt: Date;
  id: string;
}

const CURSOR = /^(\d{1,15})_([A-Za-z0-9]{1,40})$/;

export function encodeCursor({ updatedAt, id }: Cursor): string {
  return `${updatedAt.getTime()}_${id}`;
}

export function decodeCursor(value: string | undefined): Cursor | null {
  const match = value ? CURSOR.exec(value) : null;
  if (!match?.[1] || !match[2]) return null;
  return { updatedAt: new Date(Number(match[1])), id: match[2] };
}

/**
 * One page of a shop's order sync records, newest activity first.
 *
 * Keyset pagination on (updatedAt, id): the cursor carries the last row's values, and the page
 * condition is `updatedAt <= t AND NOT (updatedAt = t AND id >= last)`. Its first half is a range on
 * the (shop, updatedAt, id) / (shop, state, updatedAt, id) indexes, so a page deep in 100,000 rows
 * costs what the first page costs. (Prisma's `cursor` option looks the cursor row up and compares
 * with an OR, which the planners cannot use as a range: bench/dashboard.bench.ts.)
 */
export async function listOrderSyncs(
  db: Database,
  shop: string,
  query: OrderSyncQuery = {},
): Promise<{ rows: OrderSyncRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const conditions: Prisma.OrderSyncWhereInput[] = [{ shop }];
  if (query.state) conditions.push({ state: query.state });
  const search = query.search?.trim();
  if (search) {
    const digits = search.replace(/^#/, "");
    conditions.push({ OR: [{ orderName: `#${digits}` }, { orderId: digits }] });
  }
  const cursor = decodeCursor(query.after);
  if (cursor) {
    conditions.push({ updatedAt: { lte: cursor.updatedAt } });
    conditions.push({ NOT: { updatedAt: cursor.updatedAt, id: { gte: cursor.id } } });
  }
  const rows = await db.orderSync.findMany({
    where: { AND: conditions },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
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
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
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
