/**
 * Shopify test orders (`test: true`, placed with the Bogus gateway or in test mode) carry no real
 * money. They are booked in Diller's pre-release environment, where merchants try the integration;
 * anywhere else only when the merchant asked for it, so test purchases never earn real points.
 */
export function testOrderSkipReason(
  shop: { dillerEnvironment: string; sendTestOrders: boolean },
  test: boolean | null | undefined,
): string | null {
  if (test !== true || shop.dillerEnvironment === "prerelease" || shop.sendTestOrders) return null;
  return "a Shopify test order (test orders are sent only to Diller's pre-release environment unless the settings allow them)";
}
