/** Order payloads for load runs: fixture 06 (a real order) in the demo Diller store's currency. */
import { readFileSync } from "node:fs";

const template: Record<string, unknown> = JSON.parse(
  readFileSync(
    "tests/fixtures/shopify-webhooks/06-orders-paid--hkd-manual-code-plus-automatic-4-lines-shipping.json",
    "utf8",
  ).replaceAll('"HKD"', '"NOK"'),
);

export const KARI_EMAIL = "kari.nordmann@example.com";
/** The Shopify customer the load orders belong to (Kari, a Diller member found by her email). */
export const LOAD_CUSTOMER_ID = 7_700_000_001;

export function paidOrder(id: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...template,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#B${id}`,
    email: KARI_EMAIL,
    customer: { ...(template.customer as object), id: LOAD_CUSTOMER_ID, email: KARI_EMAIL },
    updated_at: "2026-11-28T10:05:00Z",
    ...overrides,
  };
}

export const shopHandle = (shop: string) => shop.replace(".myshopify.com", "");
export const externalIdOf = (shop: string, orderId: number, suffix = "") =>
  `shopify-${shopHandle(shop)}-${orderId}${suffix}`;
