import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Layout, Page } from "@shopify/polaris";

import { backfillAction, backfillData } from "./backfill-actions.server";
import { actionResponse, submittedFields } from "~/admin/action-result.server";
import { requireOnboardedShop } from "~/admin/context.server";
import { adminDeps } from "~/admin/deps.server";
import { BackfillPanel } from "./BackfillPanel";
import { useI18n } from "~/i18n/I18nProvider";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireOnboardedShop(request);
  return backfillData(adminDeps, shop);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireOnboardedShop(request);
  return actionResponse(request, await backfillAction(adminDeps, shop, await submittedFields(request)));
};

export default function Backfill() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const notice =
    result && "run" in result
      ? result.intent === "resume"
        ? t("backfill.resumed")
        : t("backfill.started")
      : undefined;
  return (
    <Page title={t("backfill.title")}>
      <Layout>
        <Layout.Section>
          <BackfillPanel
            latest={data.latest}
            blocker={data.blocker}
            suggestedSince={data.suggestedSince}
            today={data.today}
            errors={result && "errors" in result ? result.errors : undefined}
            notice={notice}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
