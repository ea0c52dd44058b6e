import { z } from "zod";

import { consentFromOrderPayload, type LoyaltyConsent } from "~/shopify/consent";
import { parseShopifyJson } from "~/shopify/payloads/json";

/**
 * Everything known about one order, accumulated from its webhooks in whatever order they arrive.
 * Folding is commutative where it matters: the newest order snapshot wins by `updated_at`,
 * refunds are a set keyed by id, and payment / fulfilment / cancellation are sticky facts.
 */
export interface KnownOrder {
  orderName: string | null;
  customerId: string | null;
  /** Raw JSON text of the newest order snapshot (raw, so ids beyond 2^53 keep every digit). */
  orderJson: string | null;
  orderUpdatedAt: Date | null;
  paidAt: Date | null;
  fulfilledAt: Date | null;
  cancelledAt: Date | null;
  /** Raw refund objects by refund id. */
  refunds: Record<string, unknown>;
  consent: LoyaltyConsent | null;
}

export interface OrderEvent {
  topic: string;
  rawBody: string;
  receivedAt: Date;
  triggeredAt: Date | null;
}

export type FoldOutcome = { applied: true } | { applied: false; reason: string };

const Id = z.union([z.number(), z.string()]).transform(String);
const OrderEnvelope = z.object({
  id: Id,
  name: z.string().nullish(),
  updated_at: z.string().nullish(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  customer: z.object({ id: Id.nullish() }).nullish(),
  refunds: z.array(z.record(z.string(), z.unknown())).nullish(),
});
const RefundEnvelope = z.object({ id: Id, order_id: Id });

const PAID_STATUSES = new Set(["paid", "partially_refunded", "refunded"]);

export function emptyKnownOrder(): KnownOrder {
  return {
    orderName: null,
    customerId: null,
    orderJson: null,
    orderUpdatedAt: null,
    paidAt: null,
    fulfilledAt: null,
    cancelledAt: null,
    refunds: {},
    consent: null,
  };
}

function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a <= b ? a : b;
}

/** Applies one event to the facts (mutating them) and says whether it could be used. */
export function foldOrderEvent(facts: KnownOrder, event: OrderEvent): FoldOutcome {
  let json: unknown;
  try {
    json = parseShopifyJson(event.rawBody);
  } catch {
    return { applied: false, reason: "body is not valid JSON" };
  }
  const when = event.triggeredAt ?? event.receivedAt;

  if (event.topic === "REFUNDS_CREATE") {
    const refund = RefundEnvelope.safeParse(json);
    if (!refund.success) return { applied: false, reason: "refund without id/order_id" };
    facts.refunds[refund.data.id] = json;
    return { applied: true };
  }

  const order = OrderEnvelope.safeParse(json);
  if (!order.success) return { applied: false, reason: "order without id" };
  const snapshot = order.data;
  const updatedAt = toDate(snapshot.updated_at) ?? when;
  if (!facts.orderUpdatedAt || updatedAt >= facts.orderUpdatedAt) {
    facts.orderJson = event.rawBody;
    facts.orderUpdatedAt = updatedAt;
    facts.orderName = snapshot.name ?? facts.orderName;
    facts.customerId = snapshot.customer?.id ?? facts.customerId;
    facts.consent = consentFromOrderPayload(json) ?? facts.consent;
  }
  if (event.topic === "ORDERS_PAID" || PAID_STATUSES.has(snapshot.financial_status ?? "")) {
    facts.paidAt = earliest(facts.paidAt, when);
  }
  if (event.topic === "ORDERS_FULFILLED" || snapshot.fulfillment_status === "fulfilled") {
    facts.fulfilledAt = earliest(facts.fulfilledAt, when);
  }
  const cancelledAt = toDate(snapshot.cancelled_at) ?? (event.topic === "ORDERS_CANCELLED" ? when : null);
  if (cancelledAt) facts.cancelledAt = earliest(facts.cancelledAt, cancelledAt);
  for (const refund of snapshot.refunds ?? []) {
    const id = Id.safeParse(refund.id);
    if (id.success && !(id.data in facts.refunds)) facts.refunds[id.data] = refund;
  }
  return { applied: true };
}
