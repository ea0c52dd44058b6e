import { z } from "zod";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/(\d{1,20})$/;

/** `dest` of an extension session token: `https://{shop}.myshopify.com` (the shop, never the body's). */
export const ShopFromDest = z
  .string()
  .transform((dest) => dest.replace(/^https:\/\//, "").replace(/\/$/, ""))
  .pipe(z.string().regex(SHOP_DOMAIN));

/** `sub` of an extension session token: the logged-in customer's GID, absent for guests. */
export const CustomerFromSub = z
  .string()
  .regex(CUSTOMER_GID)
  .optional()
  .catch(undefined)
  .transform((sub) => sub ?? null);

export interface StorefrontIdentity {
  shop: string;
  /** The customer's numeric id as the sync engine stores it (`CustomerLink.customerId`); null for a guest. */
  customerId: string | null;
  /** `gid://shopify/Customer/…`, or null for a guest (or a token without customer access). */
  customerGid: string | null;
}

/** The identity a verified session token carries, or null when `dest` does not name a shop. */
export function identityOf(token: { dest?: unknown; sub?: unknown }): StorefrontIdentity | null {
  const shop = ShopFromDest.safeParse(token.dest);
  if (!shop.success) return null;
  const customerGid = CustomerFromSub.parse(token.sub);
  const customerId = customerGid ? (CUSTOMER_GID.exec(customerGid)?.[1] ?? null) : null;
  return { shop: shop.data, customerId, customerGid: customerId ? customerGid : null };
}
