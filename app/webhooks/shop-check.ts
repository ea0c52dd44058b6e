import { z } from "zod";

const ShopFields = z.object({ myshopify_domain: z.string().optional(), shop_domain: z.string().optional() });

/**
 * The shop a webhook body names, where it names one: app/uninstalled carries the shop object
 * (`myshopify_domain`), the compliance topics carry `shop_domain`. Shopify signs only the body, not
 * the X-Shopify-Shop-Domain header, so the two must agree before the delivery may act on a shop.
 */
export function shopNamedInBody(payload: unknown): string | undefined {
  const parsed = ShopFields.safeParse(payload);
  if (!parsed.success) return undefined;
  const named = parsed.data.myshopify_domain ?? parsed.data.shop_domain;
  return named?.trim() ? named.trim().toLowerCase() : undefined;
}
