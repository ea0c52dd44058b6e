import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches } from "@remix-run/react";

import { localeOfRouteData } from "~/i18n/locales";

export default function App() {
  // The page's language as rendered on the server (screen readers pick their voice by it): the
  // locale the admin layout or the login page chose.
  const lang = localeOfRouteData(useMatches().map((match) => match.data));
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
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
