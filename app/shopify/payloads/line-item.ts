import { z } from "zod";

import { listOf, ShopifyIdSchema } from "./common";
import { DecimalAmountSchema, MoneyBagSchema, RateSchema } from "./money";

export const TaxLineSchema = z.object({
  title: z.string().nullish(),
  price: DecimalAmountSchema.nullish(),
  price_set: MoneyBagSchema.nullish(),
  rate: RateSchema.nullish(),
});

/** The share of one discount application given to a line (line-level and order-level discounts alike). */
export const DiscountAllocationSchema = z.object({
  amount: DecimalAmountSchema.nullish(),
  amount_set: MoneyBagSchema.nullish(),
  discount_application_index: z.number().int().nullish(),
});

/**
 * A line item as embedded in orders and in `refund_line_items[].line_item`. Only `id` and `quantity` are required here;
 * the order schema additionally requires a price.
 */
export const LineItemSchema = z.object({
  id: ShopifyIdSchema,
  admin_graphql_api_id: z.string().nullish(),
  variant_id: ShopifyIdSchema.nullish(),
  product_id: ShopifyIdSchema.nullish(),
  title: z.string().nullish(),
  variant_title: z.string().nullish(),
  name: z.string().nullish(),
  sku: z.string().nullish(),
  vendor: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  /** Quantity minus removed/refunded units; absent in payloads before 2023. */
  current_quantity: z.number().int().nonnegative().nullish(),
  fulfillable_quantity: z.number().int().nullish(),
  price: DecimalAmountSchema.nullish(),
  price_set: MoneyBagSchema.nullish(),
  gift_card: z
    .boolean()
    .nullish()
    .transform((giftCard) => giftCard ?? false),
  taxable: z.boolean().nullish(),
  requires_shipping: z.boolean().nullish(),
  product_exists: z.boolean().nullish(),
  tax_lines: listOf(TaxLineSchema),
  discount_allocations: listOf(DiscountAllocationSchema),
  /** Deprecated by Shopify and 0.00 even when discounts apply; read only to warn. Use `discount_allocations`. */
  total_discount: DecimalAmountSchema.nullish(),
  total_discount_set: MoneyBagSchema.nullish(),
});

export type ShopifyLineItem = z.output<typeof LineItemSchema>;
export type ShopifyTaxLine = z.output<typeof TaxLineSchema>;
export type ShopifyDiscountAllocation = z.output<typeof DiscountAllocationSchema>;
