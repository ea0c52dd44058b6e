/** Parameters Remix adds to data requests; they must not follow a redirect. */
const REMIX_PARAMS = new Set(["_data", "index"]);

/**
 * The URL of another admin page for a redirect. A document request carries Shopify's embedding
 * parameters (shop, host, embedded, id_token, locale); they are kept so the target page can
 * authenticate and knows the language. Parameters of the target win.
 */
export function inAppUrl(requestUrl: string, path: string): string {
  const current = new URL(requestUrl);
  const target = new URL(path, current.origin);
  current.searchParams.forEach((value, name) => {
    if (!REMIX_PARAMS.has(name) && !target.searchParams.has(name)) target.searchParams.set(name, value);
  });
  return `${target.pathname}${target.search}`;
}
