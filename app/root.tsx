import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches } from "@remix-run/react";

import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n/locales";

/**
 * The page's language as the server renders it (screen readers pick their voice by it): the
 * locale a route's loader chose (the admin layout, the login page), else English.
 */
function usePageLocale(): Locale {
  for (const { data } of useMatches()) {
    if (typeof data === "object" && data !== null && "locale" in data && isLocale(data.locale)) return data.locale;
  }
  return DEFAULT_LOCALE;
}

export default function App() {
  return (
    <html lang={usePageLocale()}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        <link rel="stylesheet" href="https://cdn.shopify.com/static/fonts/inter/v4/styles.css" />
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}
