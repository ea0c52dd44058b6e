import type { z } from "zod";

import { CustomerSchema } from "~/shopify/payloads/customer";
import { OrderSchema } from "~/shopify/payloads/order";
import { RefundSchema } from "~/shopify/payloads/refund";
import { CustomerRedactPayload, DataRequestPayload } from "~/sync/compliance.server";
import { webhookJobOf } from "~/sync/webhook-jobs";

/**
 * What a webhook is about, read from its payload at receipt: the order or customer whose job will
 * process it. Each id is read with the same schema the job later validates the whole payload with,
 * so receipt and job cannot disagree about it; everything else is left to the job.
 */
export type WebhookSubject =
  { kind: "order"; orderId: string } | { kind: "customer"; customerId: string } | { kind: "shop" };

export type SubjectResult = { ok: true; subject: WebhookSubject } | { ok: false; reason: string };

// Ids above 2^53 arrive as strings when the body is parsed with `parseShopifyJson` (as the receiver does).
const OrderId = OrderSchema.pick({ id: true });
const RefundOrderId = RefundSchema.pick({ order_id: true });
const CustomerId = CustomerSchema.pick({ id: true });
const RedactCustomerId = CustomerRedactPayload.pick({ customer: true });
const DataRequestCustomerId = DataRequestPayload.pick({ customer: true });

type SubjectReader = (payload: unknown) => SubjectResult;

function orderSubject(payload: unknown): SubjectResult {
  const parsed = OrderId.safeParse(payload);
  return parsed.success
    ? { ok: true, subject: { kind: "order", orderId: parsed.data.id } }
    : { ok: false, reason: "order payload without a valid id" };
}

function customerSubject(payload: unknown): SubjectResult {
  const parsed = CustomerId.safeParse(payload);
  return parsed.success
    ? { ok: true, subject: { kind: "customer", customerId: parsed.data.id } }
    : { ok: false, reason: "customer payload without a valid id" };
}

/** Topics whose subject is not where their job's kind of payload keeps it. */
const subjectReaders: Readonly<Record<string, SubjectReader>> = {
  REFUNDS_CREATE: (payload) => {
    const parsed = RefundOrderId.safeParse(payload);
    // The refund schema allows a missing order_id (a refund read on its own); at receipt it names the order.
    return parsed.success && parsed.data.order_id
      ? { ok: true, subject: { kind: "order", orderId: parsed.data.order_id } }
      : { ok: false, reason: "refund payload without a valid order_id" };
  },
  CUSTOMERS_REDACT: (payload) => complianceSubject(RedactCustomerId.safeParse(payload)),
  CUSTOMERS_DATA_REQUEST: (payload) => complianceSubject(DataRequestCustomerId.safeParse(payload)),
};

function complianceSubject(parsed: z.ZodSafeParseResult<{ customer: { id: string } }>): SubjectResult {
  return parsed.success
    ? { ok: true, subject: { kind: "customer", customerId: parsed.data.customer.id } }
    : { ok: false, reason: "compliance payload without a valid customer.id" };
}

export function subjectOf(topic: string, payload: unknown): SubjectResult {
  const reader = Object.hasOwn(subjectReaders, topic) ? subjectReaders[topic] : undefined;
  if (reader) return reader(payload);
  const job = webhookJobOf(topic);
  if (job === "order-sync") return orderSubject(payload);
  if (job === "customer-sync") return customerSubject(payload);
  return { ok: true, subject: { kind: "shop" } };
}
