import type { Database, Shop } from "~/db.server";
import { syncBlocker } from "~/shops/shop.server";

import { StorefrontHttpError } from "./errors.server";

/**
 * The shop row behind an extension request, when the app is installed, connected to Diller and
 * switched on; otherwise 404 `not_available` (the extension hides itself, checkout goes on).
 */
export async function availableShop(db: Database, shop: string): Promise<Shop> {
  const row = await db.shop.findUnique({ where: { shop } });
  if (!row || syncBlocker(row)) throw new StorefrontHttpError("not_available");
  return row;
}

/** The Diller member linked to this customer of this shop, or null when there is none. */
export async function linkedMemberId(db: Database, shop: string, customerId: string): Promise<string | null> {
  const link = await db.customerLink.findUnique({ where: { shop_customerId: { shop, customerId } } });
  return link?.state === "LINKED" && link.memberId ? link.memberId : null;
}
