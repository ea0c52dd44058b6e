import {
  APP_URL,
  createExtensionI18n,
  createStorefrontClient,
  type ExtensionI18n,
  type StorefrontClient,
} from "@diller/extension-kit";
import { useApi } from "@shopify/ui-extensions/customer-account/preact";
import { useMemo } from "preact/hooks";

// The `shopify` object is stable for the extension's life; memoising on its sub-objects is not safe in
// tests (the tester hands out fresh proxies per read), so these hooks build their value once.

/** The app client with this customer-account session token (customer from `sub`, shop from `dest`). */
export function useClient(): StorefrontClient {
  const api = useApi();
  return useMemo(() => createStorefrontClient({ appUrl: APP_URL, getToken: () => api.sessionToken.get() }), [api]);
}

export function useI18n(): ExtensionI18n {
  const api = useApi();
  return useMemo(() => createExtensionI18n(() => api.i18n), [api]);
}
