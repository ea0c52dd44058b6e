/**
 * The topics each webhook URL of shopify.app.toml accepts. The routes app/routes/webhooks.*.tsx
 * (the dev server) and the production server's fast path (server.mjs) both answer from this table,
 * so a URL means the same on both.
 */
export const WEBHOOK_ENDPOINTS = {
  "/webhooks/app/scopes_update": ["APP_SCOPES_UPDATE"],
  "/webhooks/app/uninstalled": ["APP_UNINSTALLED"],
  // The three mandatory compliance topics share one endpoint.
  "/webhooks/compliance": ["CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"],
  "/webhooks/customers/create": ["CUSTOMERS_CREATE"],
  "/webhooks/customers/update": ["CUSTOMERS_UPDATE"],
  "/webhooks/orders/cancelled": ["ORDERS_CANCELLED"],
  "/webhooks/orders/create": ["ORDERS_CREATE"],
  "/webhooks/orders/fulfilled": ["ORDERS_FULFILLED"],
  "/webhooks/orders/paid": ["ORDERS_PAID"],
  "/webhooks/refunds/create": ["REFUNDS_CREATE"],
} as const satisfies Record<string, readonly string[]>;

/** The topics a webhook path accepts, or undefined for a path that is not a webhook endpoint. */
export function webhookTopicsFor(pathname: string): readonly string[] | undefined {
  return Object.hasOwn(WEBHOOK_ENDPOINTS, pathname)
    ? WEBHOOK_ENDPOINTS[pathname as keyof typeof WEBHOOK_ENDPOINTS]
    : undefined;
}
