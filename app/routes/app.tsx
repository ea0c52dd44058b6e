import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useNavigation, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";

import { PageSkeleton } from "~/admin/ui/PageSkeleton";
import { safeTimeZone } from "~/i18n/format";
import { I18nProvider, useI18n } from "~/i18n/I18nProvider";
import { localeFromAcceptLanguage, localeOf, resolveLocale } from "~/i18n/locales";
import { polarisTranslations } from "~/i18n/polaris";
import { adminPages, publicAppConfig } from "~/shopify.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, shop } = await adminPages.requireShop(request);
  // Shopify opens the app with `locale` (the merchant's admin language); online sessions know it
  // too. Client-side navigations do not carry it, which is why this loader never revalidates.
  const locale = resolveLocale(
    localeOf(new URL(request.url).searchParams.get("locale")),
    localeOf(session.onlineAccessInfo?.associated_user.locale),
    localeFromAcceptLanguage(request.headers.get("Accept-Language")),
  );
  return { apiKey: publicAppConfig.apiKey, locale, timeZone: safeTimeZone(shop.timezone) };
};

/** The language and time zone hold for the whole visit; child routes load their own data. */
export const shouldRevalidate = () => false;

export default function App() {
  const { apiKey, locale, timeZone } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={polarisTranslations[locale]}>
      <I18nProvider locale={locale} timeZone={timeZone}>
        <Navigation />
        <PageOrSkeleton />
      </I18nProvider>
    </AppProvider>
  );
}

function Navigation() {
  const { t } = useI18n();
  return (
    <NavMenu>
      <Link to="/app" rel="home">
        {t("nav.dashboard")}
      </Link>
      <Link to="/app/program">{t("nav.program")}</Link>
      <Link to="/app/members">{t("nav.members")}</Link>
      <Link to="/app/backfill">{t("nav.backfill")}</Link>
      <Link to="/app/settings">{t("nav.settings")}</Link>
    </NavMenu>
  );
}

/** While another page's data loads, its skeleton replaces the current page (same-page reloads keep it). */
function PageOrSkeleton() {
  const navigation = useNavigation();
  const location = useLocation();
  const changingPage =
    navigation.state === "loading" &&
    navigation.formMethod === undefined &&
    navigation.location.pathname !== location.pathname;
  return changingPage ? <PageSkeleton /> : <Outlet />;
}

// Shopify's boundary keeps the headers of the Responses that authenticate.admin throws (redirects
// out of the iframe, session-token bounces); a plain ErrorBoundary would drop them.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
