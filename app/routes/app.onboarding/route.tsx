import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BlockStack, Layout, Page, Text } from "@shopify/polaris";

import { adminPages } from "~/shopify.server";
import { actionResponse, submittedFields } from "~/admin/action-result.server";
import { redirectInApp } from "~/admin/context.server";
import { onboardingAction, onboardingData } from "./onboarding-actions.server";
import { onboardingStep } from "~/admin/onboarding-step";
import { shopGraphqlOf } from "~/shopify/shop-setup.server";
import { ConnectionForm } from "./ConnectionForm";
import { CurrencyNotice } from "~/admin/ui/CurrencyNotice";
import { DepartmentStep } from "./DepartmentStep";
import { useI18n } from "~/i18n/I18nProvider";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await adminPages.requireShop(request);
  const step = onboardingStep(shop, new URL(request.url).searchParams.get("step"));
  if (step === "done") throw redirectInApp(request, "/app");
  return onboardingData(adminPages.deps, shop, step);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await adminPages.requireShop(request);
  const result = await onboardingAction(adminPages.deps, shop, await submittedFields(request), shopGraphqlOf(admin));
  return actionResponse(request, result);
};

export default function Onboarding() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <Page title={t("onboarding.title")} narrowWidth={data.step === "connect"}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingMd">
              {data.step === "connect" ? t("onboarding.stepConnect") : t("onboarding.stepDepartment")}
            </Text>
            {data.step === "connect" ? (
              <ConnectionForm connection={data.connection} result={result} />
            ) : (
              <>
                <CurrencyNotice
                  shopCurrency={data.connection.shopCurrency}
                  storeCurrency={data.store?.currency ?? null}
                  choice={data.currencyMismatch}
                />
                <DepartmentStep
                  store={data.store}
                  departments={data.departments}
                  departmentId={data.departmentId}
                  problem={data.problem}
                  result={result && "intent" in result && result.intent === "finish" ? result : undefined}
                />
              </>
            )}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
