import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useMemo, useState } from "react";

import { localeFromAcceptLanguage, resolveLocale } from "~/i18n/locales";
import { polarisTranslations } from "~/i18n/polaris";
import { createTranslator } from "~/i18n/translate";
import { login } from "~/shopify.server";

import { INVALID_SHOP, loginErrorMessage } from "./error.server";
import { shopInputTooLong } from "./shop-input.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

// Outside the admin there is no Shopify `locale` parameter or session: the browser's languages decide.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const errors = (await shopInputTooLong(request)) ? INVALID_SHOP : loginErrorMessage(await login(request));
  return { errors, locale: resolveLocale(localeFromAcceptLanguage(request.headers.get("Accept-Language"))) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const errors = (await shopInputTooLong(request)) ? INVALID_SHOP : loginErrorMessage(await login(request));
  return { errors };
};

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const { errors } = actionData ?? loaderData;
  const { locale } = loaderData;
  const { t, render } = useMemo(() => createTranslator(locale), [locale]);

  return (
    <PolarisAppProvider i18n={polarisTranslations[locale]}>
      <Page>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                {t("login.title")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t("login.shopDomain")}
                helpText={t("login.shopDomainHelp")}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop ? render(errors.shop) : undefined}
              />
              <Button submit>{t("login.submit")}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
