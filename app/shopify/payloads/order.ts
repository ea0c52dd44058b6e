import { z } from "zod";

import { listOf, parsePayload, ShopifyIdSchema, type PayloadParseResult } from "./common";
import { DiscountAllocationSchema, LineItemSchema, TaxLineSchema } from "./line-item";
import { DecimalAmountSchema, MoneyBagSchema } from "./money";
import { RefundSchema } from "./refund";

/** An order line: a line item that has a price (the mapping cannot do without one). */
export const OrderLineItemSchema = LineItemSchema.refine((line) => line.price != null || line.price_set != null, {
  message: "line item has no price",
  path: ["price"],
});

export const ShippingLineSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  title: z.string().nullish(),
  code: z.string().nullish(),
  source: z.string().nullish(),
  price: DecimalAmountSchema.nullish(),
  price_set: MoneyBagSchema.nullish(),
  /** price minus this line's discount allocations. */
  discounted_price: DecimalAmountSchema.nullish(),
  discounted_price_set: MoneyBagSchema.nullish(),
  current_discounted_price_set: MoneyBagSchema.nullish(),
  is_removed: z.boolean().nullish(),
  tax_lines: listOf(TaxLineSchema),
  discount_allocations: listOf(DiscountAllocationSchema),
});

export const DiscountApplicationSchema = z.object({
  type: z.string().nullish(),
  target_type: z.string().nullish(),
  target_selection: z.string().nullish(),
  allocation_method: z.string().nullish(),
  value: DecimalAmountSchema.nullish(),
  value_type: z.string().nullish(),
  title: z.string().nullish(),
  code: z.string().nullish(),
  description: z.string().nullish(),
});

export const DiscountCodeSchema = z.object({
  code: z.string().nullish(),
  amount: DecimalAmountSchema.nullish(),
  type: z.string().nullish(),
});

/** The customer embedded in an order; absent or null for guest checkouts. */
export const OrderCustomerSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  admin_graphql_api_id: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

/**
 * REST-style body of orders/create, orders/paid, orders/updated and orders/cancelled.
 *
 * **Which id identifies an order:** `id`, the numeric order id (kept as decimal text). The sync engine derives the Diller
 * `external_id` from it. `admin_graphql_api_id` ("gid://shopify/Order/<id>") is exposed for GraphQL calls but is not
 * trusted to agree with `id` (a real captured payload has …101 vs …102); both name the same order when Shopify is
 * consistent. Ids above 2^53 only survive when the raw body is parsed with `parseShopifyJson`.
 *
 * Money: every amount exists as a plain field and as a `*_set` with `shop_money` (shop currency, `currency`) and
 * `presentment_money` (`presentment_currency`). The mapping reads `shop_money`.
 */
export const OrderSchema = z.object({
  id: ShopifyIdSchema,
  admin_graphql_api_id: z.string().nullish(),
  name: z.string().nullish(),
  order_number: z.number().int().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  customer: OrderCustomerSchema.nullish(),
  currency: z.string().nullish(),
  presentment_currency: z.string().nullish(),
  taxes_included: z.boolean().nullish(),
  financial_status: z.string().nullish(),
  fulfillment_status: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  cancel_reason: z.string().nullish(),
  test: z.boolean().nullish(),
  /** "web", "pos" (Shopify POS), "shopify_draft_order", an app's id… */
  source_name: z.string().nullish(),
  /** The POS location the order was placed at; other sources may carry one too (a draft order's). */
  location_id: ShopifyIdSchema.nullish(),
  created_at: z.string().nullish(),
  processed_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  payment_gateway_names: listOf(z.string()),
  total_price: DecimalAmountSchema.nullish(),
  total_price_set: MoneyBagSchema.nullish(),
  subtotal_price: DecimalAmountSchema.nullish(),
  subtotal_price_set: MoneyBagSchema.nullish(),
  total_line_items_price: DecimalAmountSchema.nullish(),
  total_line_items_price_set: MoneyBagSchema.nullish(),
  total_tax: DecimalAmountSchema.nullish(),
  total_tax_set: MoneyBagSchema.nullish(),
  total_discounts: DecimalAmountSchema.nullish(),
  total_discounts_set: MoneyBagSchema.nullish(),
  total_shipping_price_set: MoneyBagSchema.nullish(),
  total_outstanding: DecimalAmountSchema.nullish(),
  total_tip_received: DecimalAmountSchema.nullish(),
  current_total_price: DecimalAmountSchema.nullish(),
  current_total_price_set: MoneyBagSchema.nullish(),
  current_subtotal_price: DecimalAmountSchema.nullish(),
  current_subtotal_price_set: MoneyBagSchema.nullish(),
  current_total_tax: DecimalAmountSchema.nullish(),
  current_total_tax_set: MoneyBagSchema.nullish(),
  current_total_discounts: DecimalAmountSchema.nullish(),
  current_total_discounts_set: MoneyBagSchema.nullish(),
  original_total_duties_set: MoneyBagSchema.nullish(),
  current_total_duties_set: MoneyBagSchema.nullish(),
  original_total_additional_fees_set: MoneyBagSchema.nullish(),
  current_total_additional_fees_set: MoneyBagSchema.nullish(),
  tax_lines: listOf(TaxLineSchema),
  discount_codes: listOf(DiscountCodeSchema),
  discount_applications: listOf(DiscountApplicationSchema),
  line_items: z.array(OrderLineItemSchema),
  shipping_lines: listOf(ShippingLineSchema),
  refunds: listOf(RefundSchema),
});

export type ShopifyOrder = z.output<typeof OrderSchema>;
export type ShopifyShippingLine = z.output<typeof ShippingLineSchema>;

/** orders/create | paid | updated | cancelled body. */
export function parseOrderPayload(json: unknown): PayloadParseResult<ShopifyOrder> {
  return parsePayload(OrderSchema, "order", json);
}
