import { APP_URL, createStorefrontClient, t, type I18nLike, type StorefrontClient } from "@diller/extension-kit";
import { useApi } from "@shopify/ui-extensions/checkout/preact";
import { useMemo } from "preact/hooks";

// The `shopify` object is stable for the extension's life; memoising on its sub-objects is not safe in
// tests (the tester hands out fresh proxies per read), so these hooks build their value once.

/** The app client with this checkout's session token (customer from `sub`, shop from `dest`). */
export function useClient(): StorefrontClient {
  const api = useApi();
  // Deps: one client per mounted extension
  return useMemo(() => createStorefrontClient({ appUrl: APP_URL, getToken: () => api.sessionToken.get() }), []);
}

export type ExtensionI18n = I18nLike & { tr: (key: string, options?: Record<string, string | number>) => string };

export function useI18n(): ExtensionI18n {
  const api = useApi();
  return useMemo(() => {
    const kit: I18nLike = {
      translate: (key, options) => api.i18n.translate(key, options),
      formatNumber: (value) => api.i18n.formatNumber(value),
      formatCurrency: (value, options) => api.i18n.formatCurrency(value, options),
      formatDate: (date, options) => api.i18n.formatDate(date, options),
    };
    return { ...kit, tr: (key, options) => t(kit, key, options) };
    // Deps: i18n does not change while mounted
  }, []);
}
