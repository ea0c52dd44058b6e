import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import { BlockStack, Layout, Page, Text } from "@shopify/polaris";

import { adminPages } from "~/shopify.server";
import { dillerProblemOf } from "~/admin/diller-problems.server";
import { ProblemBanner } from "~/admin/ui/ProblemBanner";
import { loyaltyProgram } from "./program.server";
import { CouponsSection, LevelsSection, SegmentsSection, StampCardsSection } from "./ProgramView";
import { StoreCard } from "~/admin/ui/StoreCard";
import { useI18n } from "~/i18n/I18nProvider";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await adminPages.requireOnboardedShop(request);
  const fresh = new URL(request.url).searchParams.has("refresh");
  try {
    const { value, loadedAt } = await loyaltyProgram(adminPages.deps.storeReads, shop, { fresh });
    return { program: value, readAt: loadedAt.toISOString(), problem: null };
  } catch (error) {
    return { program: null, readAt: null, problem: dillerProblemOf(error) };
  }
};

export default function LoyaltyProgram() {
  const { program, readAt, problem } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const refresh = { content: t("common.refresh"), onAction: () => navigate("?refresh=1", { replace: true }) };
  return (
    <Page title={t("program.title")} secondaryActions={[refresh]}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {problem ? (
              <ProblemBanner
                problem={problem}
                title={t("errors.dillerTitle")}
                action={{ content: t("common.tryAgain"), onAction: refresh.onAction }}
              />
            ) : null}
            {readAt ? (
              <Text as="p" tone="subdued">
                {t("common.lastRead", { time: dateTime(readAt) })}
              </Text>
            ) : null}
            {program ? (
              <>
                <StoreCard store={program.store} />
                <LevelsSection levels={program.levels} />
                <SegmentsSection segments={program.segments} />
                <CouponsSection coupons={program.coupons} currency={program.store.currency} />
                <StampCardsSection cards={program.stampCards} />
              </>
            ) : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
