/**
 * CORS for the extension routes. Extensions run in a sandboxed worker on Shopify's origin and call
 * the app with a bearer session token (no cookies), so any origin may read the answer; what protects
 * the data is the token. Every answer carries these headers, including the 401 that
 * `authenticate.public.*` throws without them (the extension would otherwise see a bare network error).
 */
export const STOREFRONT_CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Max-Age": "7200",
  Vary: "Origin",
};

/** The same response with the storefront CORS headers set (a new Response when the headers are immutable). */
export function withStorefrontCors(response: Response): Response {
  try {
    for (const [name, value] of Object.entries(STOREFRONT_CORS_HEADERS)) response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(STOREFRONT_CORS_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
