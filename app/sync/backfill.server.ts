import type { Backfill, Database } from "~/db.server";
import type { JobHandler, JobQueue } from "~/jobs/queue";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import { findShop, syncBlocker } from "~/shops/shop.server";

import { feedOrder } from "./reconcile.server";
import type { DispatchWebhook } from "./webhook-jobs";

export class BackfillError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackfillError";
  }
}

/**
 * Starts "send paid orders since DATE to Diller" for a shop (one run at a time). Each job run
 * handles one page of orders and saves its cursor, so a restart resumes where it stopped; every
 * order goes through the inbox and the normal order-sync job, so orders already sent are not sent
 * again and unpaid ones wait for payment as usual.
 */
export async function startBackfill(
  { db, queue, admin }: { db: Database; queue: JobQueue; admin: ShopifyAdminGateway },
  shop: string,
  since: Date,
): Promise<Backfill> {
  const shopRow = await findShop(db, shop);
  const blocker = syncBlocker(shopRow);
  if (blocker) throw new BackfillError(`Cannot send orders: ${blocker}`);
  if (await db.backfill.findFirst({ where: { shop, state: "RUNNING" } }))
    throw new BackfillError("A backfill is already running");
  const total = await admin.countOrders(shop, { field: "created_at", since });
  const backfill = await db.backfill.create({ data: { shop, since, total } });
  await queue.send("backfill", { shop, backfillId: backfill.id });
  return backfill;
}

export async function latestBackfill(db: Database, shop: string): Promise<Backfill | null> {
  return db.backfill.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } });
}

export function createBackfillHandler({
  db,
  queue,
  admin,
  dispatch,
  now = () => new Date(),
}: {
  db: Database;
  queue: JobQueue;
  admin: ShopifyAdminGateway;
  dispatch: DispatchWebhook;
  now?: () => Date;
}): JobHandler<"backfill"> {
  return async ({ shop, backfillId }, { isFinalAttempt }) => {
    const backfill = await db.backfill.findFirst({ where: { id: backfillId, shop } });
    if (!backfill || backfill.state !== "RUNNING") return;
    const blocker = syncBlocker(await findShop(db, shop));
    if (blocker) {
      await db.backfill.update({
        where: { id: backfill.id },
        data: { state: "CANCELLED", error: blocker, finishedAt: now() },
      });
      return;
    }
    try {
      const page = await admin.searchOrders(
        shop,
        { field: "created_at", since: backfill.since },
        backfill.cursor ?? undefined,
      );
      let enqueued = 0;
      for (const order of page.orders) if (await feedOrder({ db, dispatch }, shop, order, "backfill")) enqueued++;
      const done = page.nextCursor === null;
      await db.backfill.update({
        where: { id: backfill.id },
        data: {
          cursor: page.nextCursor,
          examined: { increment: page.orders.length },
          enqueued: { increment: enqueued },
          ...(done ? { state: "COMPLETED", finishedAt: now() } : {}),
        },
      });
      if (!done) await queue.send("backfill", { shop, backfillId });
    } catch (error) {
      if (isFinalAttempt) {
        await db.backfill.update({
          where: { id: backfill.id },
          data: { state: "FAILED", error: error instanceof Error ? error.message : String(error), finishedAt: now() },
        });
      }
      throw error;
    }
  };
}
