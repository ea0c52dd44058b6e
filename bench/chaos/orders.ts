/**
 * The chaos run's workload: paid orders of one linked customer, a tenth of them later cancelled, a
 * tenth partly returned, a tenth with hostile strings in the customer and note fields; every delivery
 * sent one to three times (Shopify's retries keep the event id, a re-sent event gets a new one), and
 * all deliveries shuffled. Deterministic for a seed.
 */
import { fixture, KARI } from "../../tests/sync/harness";

export type OrderKind = "paid" | "cancelled" | "returned" | "hostile";

export interface ChaosOrder {
  id: number;
  kind: OrderKind;
}

export interface ChaosDelivery {
  orderId: number;
  topic: "orders/paid" | "orders/cancelled" | "refunds/create";
  body: object;
  eventId: string;
}

/** Diller totals of fixture 06 in NOK: the whole order, and what remains after the returned item. */
export const ORDER_TOTAL = 374;
export const REMAINDER_TOTAL = 279.08;

export const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  'Robert\'); DROP TABLE "OrderSync";--',
  "\u202eevil\u202c \u0000nul",
  "😀".repeat(300),
  "${jndi:ldap://x}",
  "x".repeat(10_000),
];

export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const base: Record<string, unknown> = JSON.parse(JSON.stringify(fixture("06")).replaceAll('"HKD"', '"NOK"'));

function paid(id: number, kind: OrderKind) {
  const hostile = kind === "hostile" ? HOSTILE_STRINGS[id % HOSTILE_STRINGS.length] : undefined;
  return {
    ...base,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#C${id}`,
    email: KARI.email,
    note: hostile ?? null,
    customer: {
      ...(base.customer as object),
      id: 6_600_000_001,
      email: KARI.email,
      ...(hostile ? { first_name: hostile, last_name: hostile } : {}),
    },
    updated_at: "2026-11-28T10:05:00Z",
  };
}

function partialReturn(orderId: number) {
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: "NOK" },
    presentment_money: { amount, currency_code: "NOK" },
  });
  return {
    id: orderId + 1,
    order_id: orderId,
    created_at: "2026-11-28T11:00:00Z",
    processed_at: "2026-11-28T11:00:00Z",
    note: "one item returned",
    refund_line_items: [
      {
        id: orderId + 2,
        line_item_id: 15514975535404,
        quantity: 1,
        restock_type: "return",
        subtotal: 94.92,
        subtotal_set: money("94.92"),
        total_tax: 0,
        total_tax_set: money("0.00"),
      },
    ],
    transactions: [
      { id: orderId + 3, kind: "refund", status: "success", gateway: "manual", amount: "94.92", currency: "NOK" },
    ],
    order_adjustments: [],
  };
}

export function chaosWorkload(count: number, seed: number) {
  const next = random(seed);
  const orders: ChaosOrder[] = [];
  const deliveries: ChaosDelivery[] = [];
  for (let index = 0; index < count; index++) {
    const id = 3_000_000 + index * 10;
    const kind: OrderKind = (["cancelled", "returned", "hostile"] as const)[index % 10] ?? "paid";
    orders.push({ id, kind });
    const events: Omit<ChaosDelivery, "eventId">[] = [{ orderId: id, topic: "orders/paid", body: paid(id, kind) }];
    if (kind === "cancelled")
      events.push({
        orderId: id,
        topic: "orders/cancelled",
        body: {
          ...paid(id, kind),
          cancelled_at: "2026-11-28T12:00:00Z",
          financial_status: "refunded",
          updated_at: "2026-11-28T12:00:00Z",
        },
      });
    if (kind === "returned") events.push({ orderId: id, topic: "refunds/create", body: partialReturn(id) });
    for (const [position, event] of events.entries()) {
      const eventId = `chaos-${id}-${position}`;
      const copies = 1 + Math.floor(next() * 3);
      for (let copy = 0; copy < copies; copy++)
        // Most copies are Shopify's retries (same event id); some are the same change re-sent as a new event.
        deliveries.push({ ...event, eventId: copy > 0 && next() < 0.3 ? `${eventId}-resent-${copy}` : eventId });
    }
  }
  for (let index = deliveries.length - 1; index > 0; index--) {
    const other = Math.floor(next() * (index + 1));
    [deliveries[index], deliveries[other]] = [deliveries[other] as ChaosDelivery, deliveries[index] as ChaosDelivery];
  }
  return { orders, deliveries };
}
