import { createTtlCache } from "~/lib/ttl-cache";
import type { Logger } from "~/logger.server";

import type { ProductInfo, ShopifyAdminGateway } from "./admin-gateway";
import { AdminApiError } from "./admin-gateway.server";

/** A variant's product type and barcode rarely change; an order's transaction may carry them this stale. */
export const PRODUCT_INFO_TTL_MS = 15 * 60_000;
/** After a failed lookup, the shop's orders go without product details this long instead of each failing again. */
export const PRODUCT_LOOKUP_PAUSE_MS = 30_000;
const MAX_VARIANTS = 20_000;

/**
 * The order sync's product lookup with a memory: every paid order asked the Admin API for its
 * variants' product type and barcode, one GraphQL query per order on the job's critical path, and a
 * burst of orders spent the shop's query budget on the same few variants. Now each variant is asked
 * once per PRODUCT_INFO_TTL_MS per process (variants Shopify does not know included), concurrent
 * orders share one query, and only the variants not yet known are asked. After a failure (throttled,
 * no offline session, Shopify down) the shop's lookups pause for PRODUCT_LOOKUP_PAUSE_MS: those
 * orders are sent without the details, as a failing lookup's order always was, without waiting for it.
 */
export function withProductInfoCache(
  gateway: ShopifyAdminGateway,
  { logger, now = () => Date.now() }: { logger: Logger; now?: () => number },
): ShopifyAdminGateway {
  const known = createTtlCache<ProductInfo | null>({ ttlMs: PRODUCT_INFO_TTL_MS, maxEntries: MAX_VARIANTS, now });
  const pausedUntil = new Map<string, number>();

  async function productInfo(shop: string, variantIds: string[]): Promise<Map<string, ProductInfo>> {
    const until = pausedUntil.get(shop);
    if (until !== undefined && now() < until) throw new AdminApiError("product lookups paused after a failure");
    pausedUntil.delete(shop);

    const asked: string[] = [];
    let answer: (found: Promise<Map<string, ProductInfo>>) => void = () => {};
    const lookup = new Promise<Map<string, ProductInfo>>((resolve) => (answer = resolve));
    const entries = [...new Set(variantIds)].map((variantId) => ({
      variantId,
      // A miss joins this call's one query; a variant being asked by another order waits for that query.
      info: known.get(`${shop}\n${variantId}`, () => {
        asked.push(variantId);
        return lookup.then((found) => found.get(variantId) ?? null);
      }),
    }));
    if (asked.length > 0) answer(gateway.productInfo(shop, asked));

    try {
      const products = new Map<string, ProductInfo>();
      for (const { variantId, info } of entries) {
        const { value } = await info;
        if (value) products.set(variantId, value);
      }
      return products;
    } catch (error) {
      if (!pausedUntil.has(shop)) {
        logger.warn("Shopify product lookup failed; orders are sent without product type and barcode for a while", {
          shop,
          pauseSeconds: PRODUCT_LOOKUP_PAUSE_MS / 1000,
          error,
        });
      }
      pausedUntil.set(shop, now() + PRODUCT_LOOKUP_PAUSE_MS);
      throw error;
    }
  }

  return { ...gateway, productInfo };
}
