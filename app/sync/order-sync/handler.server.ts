import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { PermanentJobError, describeError, type JobHandler } from "~/jobs/queue";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import { findShop, syncBlocker } from "~/shops/shop.server";

import { recordActivity } from "../activity.server";
import type { MemberChanged } from "../customer-facts.server";
import { forgetDeletedMember, memberIsGone } from "../member-gone.server";
import { foldPendingOrderEvents } from "../order-events.server";
import { parseOrderProgress } from "../order-progress";
import { createStoreFactsCache } from "../store-facts.server";
import { failureReason } from "./errors";
import { executeStep } from "./execute.server";
import { gatherOrderFacts } from "./facts.server";
import { planOrderSync } from "./plan";
import { settleRecord, skipped } from "./record.server";
import type { StepRun } from "./run.server";
import { isFinal } from "./steps";

/** Far more steps than an order needs: a run that does not settle is a bug, not a long order. */
const MAX_STEPS_PER_RUN = 32;

export interface OrderSyncDeps {
  db: Database;
  /** The Diller client of a connected shop. */
  dillerFor: (shop: Shop) => DillerClient;
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
  admin,
  memberChanged = async () => {},
  now = () => new Date(),
}: OrderSyncDeps): JobHandler<"order-sync"> {
  const store = createStoreFactsCache(now);

  return async ({ shop, orderId }, context) => {
    const record = await foldPendingOrderEvents(db, shop, orderId, now);
    if (!record) return;
    const shopRow = await findShop(db, shop);
    const blocker = syncBlocker(shopRow);
    if (!shopRow || blocker) {
      await settleRecord(db, record, skipped(String(blocker)), now());
      return;
    }
    await db.orderSync.update({ where: { id: record.id }, data: { attempts: { increment: 1 } } });
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

  /** Converges; when the order's member turns out to be deleted in Diller, forgets it and converges once more. */
  async function convergeAfterDeletedMember(run: StepRun) {
    const trace: { memberId?: string } = {};
    try {
      await converge(run, trace);
    } catch (error) {
      const { memberId } = trace;
      if (!memberId || !(await memberIsGone(run.diller, error, memberId))) throw error;
      const { record } = run;
      const current = (await db.orderSync.findUnique({ where: { id: record.id } })) ?? record;
      const progress = parseOrderProgress(current.progressJson);
      await forgetDeletedMember({ db, shop: record.shop, orderId: record.orderId, memberId, progress, at: now() });
      run.context.logger.warn("the order's Diller member was deleted; resolving the member again", { memberId });
      const fresh = (await db.orderSync.findUnique({ where: { id: record.id } })) ?? current;
      await converge({ ...run, record: fresh }, {});
    }
  }

  /** facts → plan → run the first step → plan again, until the plan ends; then what follows its end. */
  async function converge(run: StepRun, trace: { memberId?: string }) {
    let facts = gatherOrderFacts(run.record, run.shopRow, run.context.logger, now());
    for (let stepsRun = 0; stepsRun < MAX_STEPS_PER_RUN; stepsRun++) {
      const [step, ...afterwards] = planOrderSync({ ...facts, now: now() }, run.shopRow);
      if (!step) return;
      trace.memberId = facts.progress.memberId;
      facts = await executeStep(step, facts, run);
      if (isFinal(step)) {
        for (const later of afterwards) facts = await executeStep(later, facts, run);
        return;
      }
    }
    throw new Error(`order ${run.record.orderId}: the order sync did not settle in ${MAX_STEPS_PER_RUN} steps`);
  }
}
