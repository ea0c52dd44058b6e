/**
 * Remix options. The Vite plugin (vite.config.ts) is the compiler; it reads its options from here so
 * that Remix configuration lives in one conventional place; routes come from app/routes.ts.
 * See docs/decisions/005-remix-config-split.md.
 *
 * @type {import("@remix-run/dev").VitePluginConfig}
 */
export default {
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_routeConfig: true,
    // Shopify's embedded auth relies on thrown Responses keeping their headers; single fetch changes
    // that contract, so it stays off as in Shopify's template.
    v3_singleFetch: false,
  },
};
