/**
 * What the page gets instead of App Bridge (cdn.shopify.com is unreachable in tests): the parts
 * the admin uses. Like the real script, it adds a fresh session token to every same-origin fetch
 * (Remix data requests and form posts) and offers `shopify.idToken()`; tokens are signed by the
 * test process through the `__dillerIdToken` binding, with the test app's secret.
 */
export const APP_BRIDGE_SHIM = `
(() => {
  const script = document.currentScript;
  const apiKey = script ? script.getAttribute("data-api-key") : "";
  const idToken = () => window.__dillerIdToken();
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).origin !== window.location.origin) return nativeFetch(request);
    if (!request.headers.has("Authorization")) request.headers.set("Authorization", "Bearer " + (await idToken()));
    return nativeFetch(request);
  };
  const toasts = [];
  window.__shopifyToasts = toasts;
  window.shopify = {
    config: { apiKey, host: new URLSearchParams(window.location.search).get("host") },
    idToken,
    toast: { show: (message) => { toasts.push(message); return "toast"; }, hide: () => {} },
    loading: () => {},
    saveBar: { show: async () => {}, hide: async () => {}, toggle: async () => {} },
    modal: { show: async () => {}, hide: async () => {}, toggle: async () => {} },
  };
})();
`;
