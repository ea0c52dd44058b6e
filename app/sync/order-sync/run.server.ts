import { updateRows, type Database, type OrderSync, type Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { JobContext } from "~/jobs/queue";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import type { ShopifyOrder } from "~/shopify/payloads/order";

import type { MemberChanged } from "../customer-facts.server";
import type { OrderProgress } from "../order-progress";
import type { SyncStoreFacts } from "../store-facts.server";
import type { OrderFacts } from "./facts.server";

/** What the step executors of one run share. */
export interface StepRun {
  db: Database;
  diller: DillerClient;
  admin: ShopifyAdminGateway;
  store: SyncStoreFacts;
  memberChanged: MemberChanged;
  shopRow: Shop;
  /** The record as the run found it. */
  record: OrderSync;
  context: JobContext;
  now: () => Date;
}

/**
 * What a step leaves to the run: the facts after it and, after a Diller side effect, that its
 * progress is not saved yet. The run saves that progress before anything else (./converge.server.ts)
 * and then runs `afterSaved` (the shop's history entry).
 */
export interface StepOutcome {
  facts: OrderFacts;
  unsaved?: { afterSaved: () => Promise<void> };
}

/** Saved right after every Diller side effect, so a re-run continues instead of repeating. */
export async function saveProgress(run: StepRun, progress: OrderProgress) {
  await updateRows(run.db, "OrderSync", {
    set: { progressJson: JSON.stringify(progress) },
    where: { id: run.record.id, shop: run.record.shop },
  });
}

/** The order of a run whose plan got past the order snapshot. */
export function usableOrder(facts: OrderFacts): { order: ShopifyOrder; raw: unknown } {
  if (facts.order.kind !== "usable") throw new Error(`order ${facts.orderId}: a step ran without a usable order`);
  return facts.order;
}
