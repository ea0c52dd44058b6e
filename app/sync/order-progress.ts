import { z } from "zod";

/**
 * What the order-sync job has already done in Diller for one order, saved after every side
 * effect so that a re-run (retry, crash, new event) continues instead of repeating.
 */
export const OrderProgressSchema = z.object({
  memberId: z.string().optional(),
  linkedBy: z.string().optional(),
  /** The order's discount codes that are Diller coupons of the member, decided once. */
  couponCodes: z.array(z.string()).optional(),
  reserved: z.array(z.string()).default([]),
  released: z.boolean().default(false),
  /** External id of the Diller transaction standing for the order now. */
  live: z.string().optional(),
  posted: z.record(z.string(), z.object({ total: z.string(), at: z.string() })).default({}),
  cancelled: z.array(z.string()).default([]),
  consentStoredOnShopify: z.boolean().default(false),
});

export type OrderProgress = z.infer<typeof OrderProgressSchema>;

export function parseOrderProgress(json: string): OrderProgress {
  try {
    const parsed = OrderProgressSchema.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: an unreadable progress record is treated as empty, and Diller's idempotency
    // (duplicate external_id) keeps a re-send harmless
  }
  return OrderProgressSchema.parse({});
}

/** Stable Diller external ids: the order's, and one per remainder after n refunds. */
export function orderExternalId(shop: string, orderId: string): string {
  return `shopify-${shop.replace(/\.myshopify\.com$/, "")}-${orderId}`;
}

export function remainderExternalId(shop: string, orderId: string, refundCount: number): string {
  return `${orderExternalId(shop, orderId)}-r${refundCount}`;
}
