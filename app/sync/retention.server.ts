import type { Database } from "~/db.server";
import type { Logger } from "~/logger.server";

/** How long personal data is kept (WEBHOOK_RETENTION_DAYS, ORDER_DATA_RETENTION_DAYS). */
export interface RetentionPolicy {
  /** Stored webhook payloads, once processed (or ignored, or invalid). */
  webhookDays: number;
  /** The order, refund and consent data of an order that was sent to Diller, after its last change. */
  orderDataDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { webhookDays: 30, orderDataDays: 180 };

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export interface PurgeResult {
  webhookEvents: number;
  orders: number;
}

/**
 * Deletes personal data the app no longer needs (docs/decisions/019-data-retention.md):
 * - webhook deliveries that are done (not waiting) and older than `webhookDays`;
 * - the order data (customer, addresses, lines, consent) of orders that were skipped or cancelled
 *   (guests without consent among them) after `webhookDays`, and of sent orders after
 *   `orderDataDays` (a later refund needs it; after that, reconciliation fetches the order again).
 * What idempotency needs (ids, state, the Diller transaction id, totals) stays. A row's `updatedAt`
 * is kept as it was, so the merchant's order list does not reorder.
 */
export async function purgeExpiredData({
  db,
  policy,
  now,
  logger,
}: {
  db: Database;
  policy: RetentionPolicy;
  now: Date;
  logger: Logger;
}): Promise<PurgeResult> {
  const webhookCutoff = new Date(now.getTime() - policy.webhookDays * DAY_MS);
  const orderCutoff = new Date(now.getTime() - policy.orderDataDays * DAY_MS);
  const { count: webhookEvents } = await db.webhookEvent.deleteMany({
    where: { status: { not: "RECEIVED" }, receivedAt: { lt: webhookCutoff } },
  });
  let orders = 0;
  for (;;) {
    const expired = await db.orderSync.findMany({
      where: {
        OR: [
          { state: { in: ["SKIPPED", "CANCELLED"] }, updatedAt: { lt: webhookCutoff } },
          { state: "SENT", updatedAt: { lt: orderCutoff } },
        ],
        AND: [{ OR: [{ orderJson: { not: null } }, { consentJson: { not: null } }, { refundsJson: { not: "{}" } }] }],
      },
      select: { id: true, shop: true, updatedAt: true },
      take: BATCH,
    });
    if (expired.length === 0) break;
    await db.$transaction(
      expired.map((row) =>
        db.orderSync.update({
          where: { id: row.id, shop: row.shop },
          data: { orderJson: null, refundsJson: "{}", consentJson: null, updatedAt: row.updatedAt },
        }),
      ),
    );
    orders += expired.length;
  }
  if (webhookEvents + orders > 0) logger.info("expired personal data purged", { webhookEvents, orders });
  return { webhookEvents, orders };
}
