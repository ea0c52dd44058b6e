import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { JobHandlers, JobQueue } from "~/jobs/queue";
import type { Logger } from "~/logger.server";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import type { LoyaltyFactsWriter } from "~/shopify/loyalty-facts.server";
import type { DiscountGateway } from "~/shopify/discounts.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";

import { createBackfillHandler } from "./backfill.server";
import { createCustomerFactsHandler, memberChangedNotifier } from "./customer-facts.server";
import { createCustomerSyncHandler } from "./customer-sync.server";
import { createWebhookDispatcher } from "./dispatch.server";
import { createInboxProcessor } from "./inbox-process.server";
import { sweepInbox } from "./inbox-sweep.server";
import { createOrderSyncHandler } from "./order-sync/handler.server";
import { createReconcileHandler } from "./reconcile.server";
import { DEFAULT_RETENTION, purgeExpiredData, type RetentionPolicy } from "./retention.server";

export interface SyncEngineDeps {
  db: Database;
  queue: JobQueue;
  admin: ShopifyAdminGateway;
  dillerFor: (shop: Shop) => DillerClient;
  /** The app's store reads (the order sync's store profile and stamp cards). */
  storeReads: DillerStoreReads;
  /** Minted checkout codes: reconciliation deactivates stale ones when given. */
  discounts?: DiscountGateway;
  logger: Logger;
  /** Writes loyalty facts to Shopify customers (the customer-facts job). */
  loyaltyFacts: LoyaltyFactsWriter;
  now?: () => Date;
  retention?: RetentionPolicy;
}

export interface SchedulerOptions {
  /** How often waiting inbox events are checked for a lost job. */
  sweepIntervalMs?: number;
  /** How often each connected shop is reconciled with the Admin API. */
  reconcileIntervalMs?: number;
  /** How often expired personal data is purged (the first run is queued at start). */
  retentionIntervalMs?: number;
}

/** The sync engine: job handlers, the webhook dispatcher, and the periodic work. */
export function createSyncEngine({
  db,
  queue,
  admin,
  dillerFor,
  storeReads,
  discounts,
  logger,
  loyaltyFacts,
  now = () => new Date(),
  retention = DEFAULT_RETENTION,
}: SyncEngineDeps) {
  const dispatch = createWebhookDispatcher(queue);
  const memberChanged = memberChangedNotifier(queue);
  const handlers: JobHandlers = {
    "inbox-process": createInboxProcessor({ db, queue, now }),
    "order-sync": createOrderSyncHandler({ db, dillerFor, storeReads, admin, memberChanged, now }),
    "customer-sync": createCustomerSyncHandler({ db, dillerFor, admin, memberChanged, now }),
    "customer-facts": createCustomerFactsHandler({ db, dillerFor, facts: loyaltyFacts }),
    reconcile: createReconcileHandler({ db, admin, dispatch, now, discounts, dillerFor }),
    backfill: createBackfillHandler({ db, queue, admin, dispatch, now }),
    "inbox-sweep": async (_payload, context) => {
      await sweepInbox({ db, dispatch, logger: context.logger, now: now() });
    },
    "retention-purge": async (_payload, context) => {
      await purgeExpiredData({ db, policy: retention, logger: context.logger, now: now() });
    },
  };
  const timers: NodeJS.Timeout[] = [];

  return {
    dispatch,
    handlers,
    queue,
    /** Starts processing jobs in this process, plus the periodic sweep and reconciliation. */
    async start({
      concurrency,
      sweepIntervalMs = 60_000,
      reconcileIntervalMs = 60 * 60_000,
      retentionIntervalMs = 24 * 60 * 60_000,
    }: SchedulerOptions & { concurrency?: number } = {}) {
      await queue.start(handlers, { concurrency });
      const every = (ms: number, task: () => Promise<unknown>) => {
        const timer = setInterval(
          () => void task().catch((error: unknown) => logger.error("scheduled task failed", { error })),
          ms,
        );
        timer.unref();
        timers.push(timer);
      };
      every(sweepIntervalMs, () => queue.send("inbox-sweep", {}));
      await queue.send("retention-purge", {});
      every(retentionIntervalMs, () => queue.send("retention-purge", {}));
      every(reconcileIntervalMs, async () => {
        const shops = await db.shop.findMany({
          where: { integrationEnabled: true, uninstalledAt: null, dillerStoreId: { not: null } },
          select: { shop: true },
        });
        for (const { shop } of shops) await queue.send("reconcile", { shop });
      });
      logger.info("sync engine started", { engine: queue.engine });
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await queue.stop();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
