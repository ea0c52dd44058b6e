import type { OrderSync } from "~/db.server";
import type { JobContext } from "~/jobs/queue";
import { orderOrigin, originLocationIds, returnOrigin, type Origin, type OriginSettings } from "~/loyalty/origin";
import type { ProductInfo } from "~/shopify/admin-gateway";
import type { LoyaltyConsent } from "~/shopify/consent";
import { parseShopifyJson } from "~/shopify/payloads/json";
import { parseOrderPayload, type ShopifyOrder } from "~/shopify/payloads/order";
import { parseRefundPayload, type ShopifyRefund } from "~/shopify/payloads/refund";

import type { KnownOrder } from "../known-order";
import { knownOrderOf } from "../order-events.server";
import { parseOrderProgress, type OrderProgress } from "../order-progress";

/**
 * The newest order snapshot: not received yet, unreadable, or usable (with the raw JSON for the
 * addresses, where Diller books the order, and where it books undoing it after returns).
 */
export type OrderSnapshot =
  | { kind: "missing" }
  | { kind: "unusable"; problem: string }
  | { kind: "usable"; order: ShopifyOrder; raw: unknown; origin: Origin; returnOrigin: Origin };

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

/**
 * Reads the facts of one run from the order's record. Only the departments of the POS locations
 * the order's origins need are asked of `originSettingsFor` (none for an order placed and refunded online).
 */
export async function gatherOrderFacts(
  record: OrderSync,
  originSettingsFor: (locationIds: string[]) => Promise<OriginSettings>,
  logger: JobContext["logger"],
  now: Date,
): Promise<OrderFacts> {
  const { shop, orderId, currency } = record;
  const progress = parseOrderProgress(record.progressJson);
  const unplaced = readKnownOrder({ shop, orderId, currency, known: knownOrderOf(record), progress, logger, now });
  const { order, refunds } = unplaced;
  const locationIds =
    order.kind === "usable" ? originLocationIds(order.order, [...order.order.refunds, ...refunds]) : [];
  return placed(unplaced, await originSettingsFor(locationIds));
}

export interface KnownOrderInput {
  shop: string;
  orderId: string;
  /** The currency the record shows now. */
  currency: string | null;
  known: KnownOrder;
  progress: OrderProgress;
  logger: Pick<JobContext["logger"], "warn">;
  now: Date;
}

/** The facts of an order folded from its webhooks (./known-order.ts), before this run has learnt anything. */
export function factsOfKnownOrder({
  originSettings,
  ...input
}: KnownOrderInput & { originSettings: OriginSettings }): OrderFacts {
  return placed(readKnownOrder(input), originSettings);
}

/** Facts whose usable order does not know yet where Diller books it. */
type UnplacedFacts = Omit<OrderFacts, "order"> & { order: ReturnType<typeof parseOrder> };

function readKnownOrder({ known, logger, ...input }: KnownOrderInput): UnplacedFacts {
  const order = parseOrder(known.orderJson);
  const refunds = order.kind === "usable" ? usableRefunds(known.refunds, input.orderId, logger) : [];
  return {
    shop: input.shop,
    orderId: input.orderId,
    recordCurrency: input.currency,
    order,
    refunds,
    paid: Boolean(known.paidAt),
    fulfilled: Boolean(known.fulfilledAt),
    cancelledInShopify: Boolean(known.cancelledAt),
    consent: known.consent,
    progress: input.progress,
    pointsChanged: false,
    now: input.now,
  };
}

function placed(facts: UnplacedFacts, originSettings: OriginSettings): OrderFacts {
  const { order, refunds } = facts;
  if (order.kind !== "usable") return { ...facts, order };
  return {
    ...facts,
    order: {
      ...order,
      origin: orderOrigin(originSettings, order.order),
      returnOrigin: returnOrigin(originSettings, order.order, [...order.order.refunds, ...refunds]),
    },
  };
}

function parseOrder(
  orderJson: string | null,
): Exclude<OrderSnapshot, { kind: "usable" }> | { kind: "usable"; order: ShopifyOrder; raw: unknown } {
  if (!orderJson) return { kind: "missing" };
  const raw = parseShopifyJson(orderJson);
  const parsed = parseOrderPayload(raw);
  if (!parsed.success) return { kind: "unusable", problem: parsed.error.message };
  return { kind: "usable", order: parsed.data, raw };
}

function usableRefunds(
  raws: Record<string, unknown>,
  orderId: string,
  logger: Pick<JobContext["logger"], "warn">,
): ShopifyRefund[] {
  return Object.values(raws).flatMap((raw) => {
    const refund = parseRefundPayload(raw);
    if (refund.success) return [refund.data];
    logger.warn("refund payload unusable, ignored", { orderId, error: refund.error.message });
    return [];
  });
}
