/** A myshopify.com domain is at most 63 + 14 characters; anything much longer is not a shop. */
export const MAX_SHOP_INPUT_LENGTH = 255;

/**
 * Whether the login request's shop (query or form field) is too long to be a shop domain. Checked
 * before Shopify's login helper sees it, so an oversized value is never sanitized or logged.
 */
export async function shopInputTooLong(request: Request): Promise<boolean> {
  const fromQuery = new URL(request.url).searchParams.get("shop");
  if (fromQuery !== null) return fromQuery.length > MAX_SHOP_INPUT_LENGTH;
  if (request.method !== "POST") return false;
  const value = (await request.clone().formData()).get("shop");
  return typeof value === "string" ? value.length > MAX_SHOP_INPUT_LENGTH : value !== null;
}
