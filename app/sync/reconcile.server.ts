import { ADMIN_API_VERSION } from "~/api-version";
import { isUniqueConstraintError, type Database, type Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { JobHandler } from "~/jobs/queue";
import type { ReconciledOrder, ShopifyAdminGateway } from "~/shopify/admin-gateway";
import type { DiscountGateway } from "~/shopify/discounts.server";
import { findShop, syncBlocker } from "~/shops/shop.server";

import { sweepStaleMintedCodes } from "./minted-coupons.server";
import type { DispatchWebhook } from "./webhook-jobs";

/** Orders updated this long before the watermark are looked at again: clocks and indexing lag. */
const OVERLAP_MS = 10 * 60 * 1000;
/** How far back the first reconciliation of a shop looks. */
export const FIRST_RECONCILE_LOOKBACK_MS = 24 * 60 * 60 * 1000;

export interface ReconcileDeps {
  db: Database;
  admin: ShopifyAdminGateway;
  dispatch: DispatchWebhook;
  now?: () => Date;
}

export interface ReconcileResult {
  examined: number;
  enqueued: number;
}

/**
 * Webhooks can arrive a day late or never. Reconciliation asks the Admin API for the orders
 * updated since the shop's watermark and feeds every order the app has not seen in that version
 * into the inbox as a synthetic `ORDERS_UPDATED` event, so it is processed exactly like a webhook
 * (and deduplicated like one). The watermark only moves after a complete pass.
 */
export async function reconcileShop(
  { db, admin, dispatch, now = () => new Date() }: ReconcileDeps,
  shop: string,
  since?: Date,
): Promise<ReconcileResult> {
  const shopRow = await findShop(db, shop);
  if (!shopRow || syncBlocker(shopRow)) return { examined: 0, enqueued: 0 };
  const startedAt = now();
  const from =
    since ??
    new Date((shopRow.reconciledUntil?.getTime() ?? startedAt.getTime() - FIRST_RECONCILE_LOOKBACK_MS) - OVERLAP_MS);
  let cursor: string | undefined;
  const result: ReconcileResult = { examined: 0, enqueued: 0 };
  do {
    const page = await admin.searchOrders(shop, { field: "updated_at", since: from }, cursor);
    for (const order of page.orders) {
      result.examined++;
      if (await feedOrder({ db, dispatch }, shop, order, "reconciliation")) result.enqueued++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  if (!since) await db.shop.update({ where: { shop }, data: { reconciledUntil: startedAt } });
  return result;
}

/**
 * Puts one order fetched from the Admin API into the inbox, unless the app already knows that
 * version of it, and dispatches its sync. Returns whether it was fed.
 */
export async function feedOrder(
  { db, dispatch }: Pick<ReconcileDeps, "db" | "dispatch">,
  shop: string,
  order: ReconciledOrder,
  source: "reconciliation" | "backfill",
): Promise<boolean> {
  const known = await db.orderSync.findUnique({
    where: { shop_orderId: { shop, orderId: order.orderId } },
    select: { orderUpdatedAt: true },
  });
  if (known?.orderUpdatedAt && known.orderUpdatedAt >= order.updatedAt) return false;
  const eventId = `${source}:${order.orderId}:${order.updatedAt.toISOString()}`;
  try {
    const event = await db.webhookEvent.create({
      data: {
        shop,
        topic: "ORDERS_UPDATED",
        eventId,
        webhookId: eventId,
        apiVersion: ADMIN_API_VERSION,
        triggeredAt: order.updatedAt,
        payload: order.payloadJson,
        orderId: order.orderId,
        note: `from ${source}`,
      },
    });
    await dispatch({ id: event.id, shop, topic: event.topic, orderId: order.orderId });
    return true;
  } catch (error) {
    if (isUniqueConstraintError(error)) return false;
    throw error;
  }
}

export interface StaleCodeSweepDeps {
  discounts: DiscountGateway;
  dillerFor: (shop: Shop) => DillerClient;
}

/**
 * Reconciliation: the orders webhooks missed, then (when the discount port is wired) the minted
 * checkout codes whose Diller coupon went stale. A failed sweep is logged, never fails the job: the
 * orders matter more, and the next run sweeps again.
 */
export function createReconcileHandler(deps: ReconcileDeps & Partial<StaleCodeSweepDeps>): JobHandler<"reconcile"> {
  return async ({ shop }, { logger }) => {
    const result = await reconcileShop(deps, shop);
    logger.info("reconciled", { shop, ...result });
    const { discounts, dillerFor } = deps;
    if (!discounts || !dillerFor) return;
    const shopRow = await findShop(deps.db, shop);
    if (!shopRow || syncBlocker(shopRow)) return;
    try {
      const swept = await sweepStaleMintedCodes(
        { db: deps.db, discounts, diller: dillerFor(shopRow), now: deps.now },
        shop,
      );
      if (swept.deactivated > 0) logger.info("stale checkout codes deactivated", { shop, ...swept });
    } catch (error) {
      logger.warn("stale checkout codes not swept", { shop, error });
    }
  };
}
