import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { PermanentJobError, describeError, type JobHandler } from "~/jobs/queue";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";
import { findShop, syncBlocker } from "~/shops/shop.server";

import { recordActivity } from "../activity.server";
import type { MemberChanged } from "../customer-facts.server";
import { foldPendingOrderEvents, readPendingOrderEvents } from "../order-events.server";
import { createStoreFacts } from "../store-facts.server";
import { convergeAfterDeletedMember } from "./converge.server";
import { failureReason } from "./errors";
import { settleRecord, skipped } from "./record.server";
import type { StepRun } from "./run.server";

export interface OrderSyncDeps {
  db: Database;
  /** The Diller client of a connected shop. */
  dillerFor: (shop: Shop) => DillerClient;
  /** The app's store reads (profile and stamp cards), shared with the admin, checkout and account. */
  storeReads: DillerStoreReads;
  admin: ShopifyAdminGateway;
  /** After a transaction of a customer's order was posted or cancelled. */
  memberChanged?: MemberChanged;
  now?: () => Date;
}

/**
 * The order-sync job: folds the order's waiting webhooks into what is known about it, then makes
 * Diller agree. Because it converges on the accumulated facts instead of replaying events, events
 * may arrive late, twice or out of order (a refund before the payment, a cancel before the
 * create): the outcome is the same. Each run gathers the facts, plans (./plan.ts), runs the plan's
 * first step, and plans again with what the step changed, until the plan ends. Every Diller side
 * effect is recorded in the order's progress right after it succeeds, and every one is safe to
 * repeat when a crash loses that record (transactions are keyed by a stable external_id; cancel and
 * release are idempotent; members are searched before they are registered).
 */
export function createOrderSyncHandler({
  db,
  dillerFor,
  storeReads,
  admin,
  memberChanged = async () => {},
  now = () => new Date(),
}: OrderSyncDeps): JobHandler<"order-sync"> {
  const store = createStoreFacts(storeReads);

  return async ({ shop, orderId }, context) => {
    // Read together; the shop decides the fold: it counts the attempt in its own write, and a blocked shop's order is no attempt.
    const [shopRow, pending] = await Promise.all([findShop(db, shop), readPendingOrderEvents(db, shop, orderId)]);
    const blocker = syncBlocker(shopRow);
    const record = await foldPendingOrderEvents(db, pending, now, { countAttempt: !blocker });
    if (!record) return;
    if (!shopRow || blocker) {
      await settleRecord(db, record, skipped(String(blocker)), now());
      return;
    }
    let diller: DillerClient | undefined;
    const run: StepRun = {
      db,
      // Opened when a step first needs Diller, inside the attempt: a key that cannot be opened fails the order.
      get diller() {
        return (diller ??= dillerFor(shopRow));
      },
      admin,
      store,
      memberChanged,
      shopRow,
      record,
      context,
      now,
    };
    try {
      await convergeAfterDeletedMember(run);
    } catch (error) {
      const final = error instanceof PermanentJobError || context.isFinalAttempt;
      await db.orderSync.update({
        where: { id: record.id },
        data: final
          ? { state: "FAILED", lastError: describeError(error), reason: failureReason(error) }
          : { lastError: describeError(error) },
      });
      if (final) {
        await recordActivity(db, { shop, kind: "SYNC_FAILED", orderId, detail: failureReason(error), at: now() });
      }
      throw error;
    }
  };
}
