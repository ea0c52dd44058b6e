/** Test-only builders for the order-sync plan: facts folded from webhook bodies, as the job folds them. Never import from app code. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { FIXTURE_DIRECTORY, fixtureFile } from "~/shopify/payloads/testing/fixtures";

import { emptyKnownOrder, foldOrderEvent } from "../../known-order";
import { OrderProgressSchema, type OrderProgress } from "../../order-progress";
import { factsOfKnownOrder, type OrderFacts } from "../facts.server";
import type { OrderSyncSettings } from "../plan";
import type { OrderSyncStep } from "../steps";

export const SHOP = "example.myshopify.com";
export const ORDER_ID = "1001";
export const BASE_ID = "shopify-example-1001";
export const NOW = new Date("2026-11-02T10:00:00Z");

/** A webhook as the inbox stores it: its topic (ORDERS_PAID …) and its body. */
export type Delivery = [topic: string, body: object | string];

export function settings(overrides: Partial<OrderSyncSettings> = {}): OrderSyncSettings {
  return {
    orderTrigger: "PAID",
    includeShipping: false,
    currencyMismatch: "SKIP",
    dillerEnvironment: "production",
    sendTestOrders: false,
    ...overrides,
  };
}

export function progress(overrides: Partial<OrderProgress> = {}): OrderProgress {
  return { ...OrderProgressSchema.parse({}), ...overrides };
}

/** The facts after folding the deliveries, oldest first, plus what the run has learnt (`extra`). */
export function factsAfter(deliveries: Delivery[], extra: Partial<OrderFacts> = {}, orderId = ORDER_ID): OrderFacts {
  const known = emptyKnownOrder();
  for (const [topic, body] of deliveries) {
    const rawBody = typeof body === "string" ? body : JSON.stringify(body);
    const outcome = foldOrderEvent(known, { topic, rawBody, receivedAt: NOW, triggeredAt: null });
    if (!outcome.applied) throw new Error(`fold refused a ${topic}: ${outcome.reason}`);
  }
  const facts = factsOfKnownOrder({
    shop: SHOP,
    orderId,
    currency: null,
    known,
    progress: progress(),
    originSettings: { defaultDepartmentId: "webshop", locationDepartments: new Map([["77", "store-oslo"]]) },
    logger: { warn: () => {} },
    now: NOW,
  });
  return { ...facts, ...extra };
}

/** A fixture's raw body (raw text, so ids beyond 2^53 keep every digit). */
export function fixtureBody(number: string): string {
  return readFileSync(join(FIXTURE_DIRECTORY, fixtureFile(number)), "utf8");
}

const line = (json: Record<string, unknown>) => ({ quantity: 1, gift_card: false, taxable: true, ...json });

/** Order 1001 of customer 501: two mugs at 15.00 and a 20.00 shirt, 50.00 EUR. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 1001,
    name: "#1001",
    currency: "EUR",
    taxes_included: false,
    financial_status: "paid",
    processed_at: "2026-11-01T10:00:00+01:00",
    updated_at: "2026-11-01T10:00:00+01:00",
    payment_gateway_names: ["shopify_payments"],
    customer: { id: 501 },
    total_price: "50.00",
    line_items: [
      line({ id: 11, title: "Mug", price: "15.00", quantity: 2 }),
      line({ id: 12, title: "Shirt", price: "20.00" }),
    ],
    ...overrides,
  };
}

/** A refund of the shirt (20.00) from order 1001. */
export function shirtRefund(): Record<string, unknown> {
  return {
    id: 5001,
    order_id: 1001,
    processed_at: "2026-11-03T10:00:00+01:00",
    refund_line_items: [
      { line_item_id: 12, quantity: 1, restock_type: "return", subtotal: "20.00", total_tax: "0.00" },
    ],
    transactions: [{ kind: "refund", status: "success", gateway: "shopify_payments", amount: "20.00" }],
  };
}

/** A refund of everything in order 1001. */
export function fullRefund(): Record<string, unknown> {
  return {
    id: 5002,
    order_id: 1001,
    processed_at: "2026-11-03T10:00:00+01:00",
    refund_line_items: [
      { line_item_id: 11, quantity: 2, restock_type: "return", subtotal: "30.00", total_tax: "0.00" },
      { line_item_id: 12, quantity: 1, restock_type: "return", subtotal: "20.00", total_tax: "0.00" },
    ],
    transactions: [{ kind: "refund", status: "success", gateway: "shopify_payments", amount: "50.00" }],
  };
}

/** One line per step, so a table of cases reads like the story it tells. */
export function describeStep(step: OrderSyncStep): string {
  switch (step.kind) {
    case "readStoreCurrency":
    case "resolveMember":
      return step.kind;
    case "matchCoupons":
      return `matchCoupons [${step.codes.join(", ")}]`;
    case "loadProducts":
      return `loadProducts [${step.variantIds.join(", ")}]`;
    case "reserveCoupons":
      return `reserve [${step.codes.join(", ")}] for ${step.externalId} via ${step.origin.channel}`;
    case "cancelTransaction":
      return `cancel ${step.externalId}: ${step.reason}`;
    case "postTransaction": {
      const { externalId, kind, mapped } = step.desired;
      const coupons = mapped.body.coupon_codes.length ? ` with [${mapped.body.coupon_codes.join(", ")}]` : "";
      return `post ${kind} ${externalId} ${mapped.amounts.total} ${mapped.amounts.currency}${coupons}`;
    }
    case "releaseReservations":
      return `release [${step.codes.join(", ")}]`;
    case "skip":
      return `SKIPPED: ${step.reason}`;
    case "wait":
      return `PENDING: ${step.reason}`;
    case "fail":
      return `FAILED: ${step.reason}`;
    case "settle": {
      const { state, reason, externalId, totalSent } = step.settlement;
      const sent = externalId ? ` [${externalId}${totalSent ? ` ${totalSent}` : ""}]` : "";
      return `${state}${sent}${reason ? `: ${reason}` : ""}`;
    }
    case "notifyMember":
      return `notify customer ${step.customerId}`;
    case "storeConsent":
      return `store consent on customer ${step.customerId}`;
  }
}
