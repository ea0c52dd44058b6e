/** Test-only builders for hand-made Shopify payloads, parsed through the real schemas. Never import from app code. */
import { parseOrderPayload, type ShopifyOrder } from "~/shopify/payloads/order";
import { parseRefundPayload, type ShopifyRefund } from "~/shopify/payloads/refund";

import type { TransactionMappingOptions } from "../types";

/** A `*_set` in shop money, with a presentment amount when it differs. */
export function moneySet(amount: string, currency: string, presentment?: { amount: string; currency: string }) {
  return {
    shop_money: { amount, currency_code: currency },
    presentment_money: presentment
      ? { amount: presentment.amount, currency_code: presentment.currency }
      : { amount, currency_code: currency },
  };
}

export function order(json: Record<string, unknown>): ShopifyOrder {
  const result = parseOrderPayload({
    id: 1001,
    name: "#1001",
    currency: "EUR",
    taxes_included: false,
    financial_status: "paid",
    processed_at: "2025-03-01T10:00:00+01:00",
    payment_gateway_names: ["shopify_payments"],
    ...json,
  });
  if (!result.success) throw result.error;
  return result.data;
}

export function refund(json: Record<string, unknown>): ShopifyRefund {
  const result = parseRefundPayload({ id: 5001, processed_at: "2025-03-05T10:00:00+01:00", ...json });
  if (!result.success) throw result.error;
  return result.data;
}

export function options(overrides: Partial<TransactionMappingOptions> = {}): TransactionMappingOptions {
  return {
    externalId: "shopify-order-1001",
    origin: { channel: "OnlineStore", departmentId: "webshop" },
    systemId: "shopify:example.myshopify.com",
    includeShipping: false,
    ...overrides,
  };
}
