import { z } from "zod";

import { listOf, parsePayload, ShopifyIdSchema, type PayloadParseResult } from "./common";
import { LineItemSchema } from "./line-item";
import { DecimalAmountSchema, MoneyBagSchema } from "./money";

export const RefundLineItemSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  line_item_id: ShopifyIdSchema,
  quantity: z.number().int().nonnegative(),
  /** no_restock | cancel | return | legacy_restock — what happened to stock, not to money. */
  restock_type: z.string().nullish(),
  location_id: ShopifyIdSchema.nullish(),
  /** Refunded line amount after discounts, in the line's price basis; a JSON number in real payloads. */
  subtotal: DecimalAmountSchema.nullish(),
  subtotal_set: MoneyBagSchema.nullish(),
  total_tax: DecimalAmountSchema.nullish(),
  total_tax_set: MoneyBagSchema.nullish(),
  line_item: LineItemSchema.nullish(),
});

/** Money movement; `amount` is in the transaction's `currency` (the presentment currency), which may be missing. */
export const TransactionSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  kind: z.string().nullish(),
  status: z.string().nullish(),
  gateway: z.string().nullish(),
  amount: DecimalAmountSchema.nullish(),
  currency: z.string().nullish(),
  parent_id: ShopifyIdSchema.nullish(),
  /** The POS location where the money moved; null for transactions made online or in the admin. */
  location_id: ShopifyIdSchema.nullish(),
  source_name: z.string().nullish(),
  created_at: z.string().nullish(),
  processed_at: z.string().nullish(),
});

/** `shipping_refund` (refunded shipping, negative amount; before API 2024-10) or `refund_discrepancy`. */
export const OrderAdjustmentSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  kind: z.string().nullish(),
  reason: z.string().nullish(),
  amount: DecimalAmountSchema.nullish(),
  amount_set: MoneyBagSchema.nullish(),
  tax_amount: DecimalAmountSchema.nullish(),
  tax_amount_set: MoneyBagSchema.nullish(),
});

/** Refunded shipping since API 2024-10. */
export const RefundShippingLineSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  shipping_line_id: ShopifyIdSchema.nullish(),
  subtotal_amount_set: MoneyBagSchema.nullish(),
  tax_amount_set: MoneyBagSchema.nullish(),
});

export const RefundSchema = z.object({
  id: ShopifyIdSchema,
  admin_graphql_api_id: z.string().nullish(),
  order_id: ShopifyIdSchema.nullish(),
  created_at: z.string().nullish(),
  processed_at: z.string().nullish(),
  note: z.string().nullish(),
  restock: z.boolean().nullish(),
  refund_line_items: listOf(RefundLineItemSchema),
  transactions: listOf(TransactionSchema),
  order_adjustments: listOf(OrderAdjustmentSchema),
  refund_shipping_lines: listOf(RefundShippingLineSchema),
  total_duties_set: MoneyBagSchema.nullish(),
  total_additional_fees_set: MoneyBagSchema.nullish(),
});

export type ShopifyRefund = z.output<typeof RefundSchema>;
export type ShopifyRefundLineItem = z.output<typeof RefundLineItemSchema>;
export type ShopifyTransaction = z.output<typeof TransactionSchema>;

/** refunds/create body. */
export function parseRefundPayload(json: unknown): PayloadParseResult<ShopifyRefund> {
  return parsePayload(RefundSchema, "refund", json);
}
