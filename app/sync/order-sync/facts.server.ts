import type { OrderSync, Shop } from "~/db.server";
import type { JobContext } from "~/jobs/queue";
import type { ProductInfo } from "~/loyalty/order-to-transaction";
import { parseShopifyJson } from "~/shopify/payloads/json";
import { parseOrderPayload, type ShopifyOrder } from "~/shopify/payloads/order";
import { parseRefundPayload, type ShopifyRefund } from "~/shopify/payloads/refund";

import type { LoyaltyConsent } from "../consent";
import { knownOrderOf } from "../order-events.server";
import { parseOrderProgress, type OrderProgress } from "../order-progress";
import { orderOrigin, type OrderOrigin } from "./origin";

/** The newest order snapshot: not received yet, unreadable, or usable (with the raw JSON for the addresses). */
export type OrderSnapshot =
  | { kind: "missing" }
  | { kind: "unusable"; problem: string }
  | { kind: "usable"; order: ShopifyOrder; raw: unknown; origin: OrderOrigin };

/** Everything the plan decides from: the folded webhooks, the progress so far, and what this run has learnt. */
export interface OrderFacts {
  shop: string;
  orderId: string;
  /** The currency the record shows now. */
  recordCurrency: string | null;
  order: OrderSnapshot;
  refunds: ShopifyRefund[];
  /** Sticky facts from the webhooks. */
  paid: boolean;
  fulfilled: boolean;
  cancelledInShopify: boolean;
  consent: LoyaltyConsent | null;
  progress: OrderProgress;
  /** Learnt in this run: the Diller store's currency (read only when it can skip the order). */
  store?: { currency: string | null };
  /** Learnt in this run: why the order has no member. */
  noMemberReason?: string;
  /** Learnt in this run: Admin API data on the order's variants. */
  products?: ReadonlyMap<string, ProductInfo>;
  /** A transaction was posted or cancelled in this run. */
  pointsChanged: boolean;
  now: Date;
}

/** Reads the facts of one run from the order's record; no call leaves the process. */
export function gatherOrderFacts(
  record: OrderSync,
  shopRow: Shop,
  logger: JobContext["logger"],
  now: Date,
): OrderFacts {
  const known = knownOrderOf(record);
  const order = snapshotOf(known.orderJson, shopRow);
  return {
    shop: record.shop,
    orderId: record.orderId,
    recordCurrency: record.currency,
    order,
    refunds: order.kind === "usable" ? usableRefunds(known.refunds, record.orderId, logger) : [],
    paid: Boolean(known.paidAt),
    fulfilled: Boolean(known.fulfilledAt),
    cancelledInShopify: Boolean(known.cancelledAt),
    consent: known.consent,
    progress: parseOrderProgress(record.progressJson),
    pointsChanged: false,
    now,
  };
}

function snapshotOf(orderJson: string | null, shopRow: Shop): OrderSnapshot {
  if (!orderJson) return { kind: "missing" };
  const raw = parseShopifyJson(orderJson);
  const parsed = parseOrderPayload(raw);
  if (!parsed.success) return { kind: "unusable", problem: parsed.error.message };
  return { kind: "usable", order: parsed.data, raw, origin: orderOrigin(shopRow, parsed.data) };
}

function usableRefunds(raws: Record<string, unknown>, orderId: string, logger: JobContext["logger"]): ShopifyRefund[] {
  return Object.values(raws).flatMap((raw) => {
    const refund = parseRefundPayload(raw);
    if (refund.success) return [refund.data];
    logger.warn("refund payload unusable, ignored", { orderId, error: refund.error.message });
    return [];
  });
}
