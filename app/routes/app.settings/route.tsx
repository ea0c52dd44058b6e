import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Banner, BlockStack, Page } from "@shopify/polaris";

import { adminPages } from "~/shopify.server";
import { actionResponse, submittedFields } from "~/admin/action-result.server";
import { shopGraphqlOf } from "~/shopify/shop-setup.server";
import { posDepartmentsAction, posRegistersOf } from "./pos-departments.server";
import { POS_DEPARTMENTS_INTENT } from "./pos-registers";
import { PosDepartments } from "./PosDepartments";
import { settingsAction, settingsData } from "./settings-actions.server";
import { ProblemBanner } from "~/admin/ui/ProblemBanner";
import { SettingsForm } from "./SettingsForm";
import { useI18n } from "~/i18n/I18nProvider";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await adminPages.requireOnboardedShop(request);
  const [data, posRegisters] = await Promise.all([
    settingsData(adminPages.deps, shop),
    posRegistersOf(adminPages.deps.db, shop, shopGraphqlOf(admin)),
  ]);
  return { ...data, posRegisters };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await adminPages.requireOnboardedShop(request);
  const fields = await submittedFields(request);
  if (fields.intent === POS_DEPARTMENTS_INTENT)
    return actionResponse(request, await posDepartmentsAction(adminPages.deps, shop, fields));
  return actionResponse(request, await settingsAction(adminPages.deps, shop, fields));
};

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const check = result && "check" in result ? result.check : undefined;
  const errors = result && "errors" in result ? result.errors : undefined;
  const posSave = result?.intent === POS_DEPARTMENTS_INTENT;
  return (
    <Page title={t("settings.title")}>
      <BlockStack gap="400">
        {result && "saved" in result ? <Banner tone="success">{t("settings.saved")}</Banner> : null}
        {check?.ok ? (
          <Banner tone="success" title={t("onboarding.testOk", { storeName: check.store.name ?? check.store.id })} />
        ) : null}
        {check && !check.ok ? <ProblemBanner problem={check} title={t("onboarding.testFailed")} /> : null}
        {data.problem ? <ProblemBanner problem={data.problem} tone="warning" title={t("errors.dillerTitle")} /> : null}
        <SettingsForm
          key={JSON.stringify(data.values)}
          values={data.values}
          connection={data.connection}
          store={data.store}
          departments={data.departments}
          errors={posSave ? undefined : errors}
          posRegisters={
            <PosDepartments
              key={JSON.stringify(data.posRegisters)}
              registers={data.posRegisters}
              departments={data.departments}
              defaultDepartmentId={data.values.departmentId}
              errors={posSave ? errors : undefined}
            />
          }
        />
      </BlockStack>
    </Page>
  );
}
