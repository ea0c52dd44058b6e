/**
 * Headers every HTML document gets, the login page included. Shopify's helper sets
 * `frame-ancestors` only when the request names a shop (the embedded admin); a document without
 * one (`/auth/login`, the landing page) must not be framable by anyone.
 */
export function documentHeaders(
  addShopifyHeaders: (request: Request, headers: Headers) => void,
): (request: Request, headers: Headers) => void {
  return (request, headers) => {
    addShopifyHeaders(request, headers);
    if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", "frame-ancestors 'none';");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  };
}
