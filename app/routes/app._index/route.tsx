import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigate, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";

import { adminPages } from "~/shopify.server";
import { actionResponse, submittedFields } from "~/admin/action-result.server";
import { dashboardAction } from "./dashboard-actions.server";
import { loadDashboard } from "./dashboard.server";
import { listFailedWork } from "./failed-work.server";
import { parseOrderTableQuery } from "./order-table";
import { shopGraphqlOf } from "~/shopify/shop-setup.server";
import { ActivityChart } from "./ActivityChart";
import { DashboardSummary, WebhookSummary } from "./DashboardSummary";
import { FailedWorkPanel } from "./FailedWorkPanel";
import { OrderTable } from "./OrderTable";
import { useI18n } from "~/i18n/I18nProvider";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await adminPages.requireOnboardedShop(request);
  const query = parseOrderTableQuery(new URL(request.url).searchParams);
  const [dashboard, failedWork] = await Promise.all([
    loadDashboard(adminPages.deps.db, shop, query),
    listFailedWork(adminPages.deps, shop.shop),
  ]);
  return { query, ...dashboard, failedWork };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin } = await adminPages.requireOnboardedShop(request);
  const result = await dashboardAction(adminPages.deps, shop, await submittedFields(request), shopGraphqlOf(admin));
  return actionResponse(request, result);
};

export default function Dashboard() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const navigate = useNavigate();
  const submit = useSubmit();
  return (
    <Page title={t("dashboard.title")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {!data.integrationEnabled ? (
              <Banner
                tone="warning"
                title={t("dashboard.integrationOff")}
                action={{ content: t("dashboard.integrationOffAction"), onAction: () => navigate("/app/settings") }}
              />
            ) : null}
            {!data.extensionSetup.done ? (
              <Banner
                tone="warning"
                title={t("dashboard.setupFailed", { error: data.extensionSetup.error ?? t("common.none") })}
                action={{
                  content: t("dashboard.setupAgain"),
                  onAction: () => submit({ intent: "setup-extensions" }, { method: "post" }),
                }}
              />
            ) : null}
            {result && "retried" in result ? (
              <Banner tone="success">{t("dashboard.retried", { count: result.retried })}</Banner>
            ) : null}
            {result && "setup" in result && result.setup.ok ? (
              <Banner tone="success">{t("dashboard.setupDone")}</Banner>
            ) : null}
            <DashboardSummary totals={data.totals} days={data.days} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <ActivityChart series={data.series} days={data.days} />
        </Layout.Section>
        <Layout.Section>
          <OrderTable
            key={JSON.stringify(data.query)}
            rows={data.orders.rows}
            nextCursor={data.orders.nextCursor}
            query={data.query}
            counts={data.counts}
          />
        </Layout.Section>
        {data.failedWork.customers.length + data.failedWork.jobs.length > 0 ? (
          <Layout.Section>
            <FailedWorkPanel customers={data.failedWork.customers} jobs={data.failedWork.jobs} />
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <WebhookSummary webhooks={data.webhooks} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
