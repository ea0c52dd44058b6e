import { z } from "zod";

import { ShopifyIdSchema } from "~/shopify/payloads/common";

/**
 * What a webhook is about, read from its payload at receipt: the order or customer whose job will
 * process it. Everything else in the payload is validated later, by the job that uses it.
 */
export type WebhookSubject =
  { kind: "order"; orderId: string } | { kind: "customer"; customerId: string } | { kind: "shop" };

// Ids above 2^53 arrive as strings when the body is parsed with `parseShopifyJson` (as the receiver does).
const ShopifyId = ShopifyIdSchema;

const schemas = {
  order: z.object({ id: ShopifyId }),
  refund: z.object({ order_id: ShopifyId }),
  customer: z.object({ id: ShopifyId }),
  complianceCustomer: z.object({ customer: z.object({ id: ShopifyId }) }),
};

export const ORDER_TOPICS = ["ORDERS_CREATE", "ORDERS_PAID", "ORDERS_CANCELLED", "ORDERS_FULFILLED", "ORDERS_UPDATED"];
export const CUSTOMER_TOPICS = ["CUSTOMERS_CREATE", "CUSTOMERS_UPDATE"];

export type SubjectResult = { ok: true; subject: WebhookSubject } | { ok: false; reason: string };

export function subjectOf(topic: string, payload: unknown): SubjectResult {
  if (ORDER_TOPICS.includes(topic)) {
    const parsed = schemas.order.safeParse(payload);
    return parsed.success
      ? { ok: true, subject: { kind: "order", orderId: parsed.data.id } }
      : { ok: false, reason: "order payload without a valid id" };
  }
  if (topic === "REFUNDS_CREATE") {
    const parsed = schemas.refund.safeParse(payload);
    return parsed.success
      ? { ok: true, subject: { kind: "order", orderId: parsed.data.order_id } }
      : { ok: false, reason: "refund payload without a valid order_id" };
  }
  if (CUSTOMER_TOPICS.includes(topic)) {
    const parsed = schemas.customer.safeParse(payload);
    return parsed.success
      ? { ok: true, subject: { kind: "customer", customerId: parsed.data.id } }
      : { ok: false, reason: "customer payload without a valid id" };
  }
  if (topic === "CUSTOMERS_REDACT" || topic === "CUSTOMERS_DATA_REQUEST") {
    const parsed = schemas.complianceCustomer.safeParse(payload);
    return parsed.success
      ? { ok: true, subject: { kind: "customer", customerId: parsed.data.customer.id } }
      : { ok: false, reason: "compliance payload without a valid customer.id" };
  }
  return { ok: true, subject: { kind: "shop" } };
}
