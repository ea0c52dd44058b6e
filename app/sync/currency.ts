export type CurrencyMismatchChoice = "SKIP" | "SEND";

/**
 * Diller stores keep points and totals in one currency. An order in another currency (a shop whose
 * currency differs from the Diller store's) would earn points at the wrong rate, so it is never sent
 * silently: by default it is skipped with a reason; the merchant may choose to send it as it is (in
 * the shop's currency). When Diller's store currency is unknown the same default applies.
 * Returns the skip reason, or null when the order may be sent.
 */
export function currencySkipReason(
  orderCurrency: string | null | undefined,
  storeCurrency: string | null | undefined,
  choice: CurrencyMismatchChoice,
): string | null {
  const order = orderCurrency?.trim().toUpperCase() || null;
  const store = storeCurrency?.trim().toUpperCase() || null;
  if (order && store && order === store) return null;
  if (choice === "SEND") return null;
  if (!store)
    return "the Diller store's currency is unknown, so the order's points cannot be checked (choose in the settings to send such orders)";
  if (!order) return `the order has no currency, and the Diller store counts in ${store}`;
  return `the order is in ${order} but the Diller store counts in ${store} (choose in the settings to send such orders)`;
}

/** True when both currencies are known and differ (the admin shows a warning). */
export function currenciesDiffer(shopCurrency: string | null | undefined, storeCurrency: string | null | undefined) {
  const shop = shopCurrency?.trim().toUpperCase();
  const store = storeCurrency?.trim().toUpperCase();
  return Boolean(shop && store && shop !== store);
}
