import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";

import { useI18n } from "~/i18n/I18nProvider";

import type { DayFigures } from "~/admin/views";

function Figure({ label, value, tone }: { label: string; value: string; tone?: "critical" | "success" }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="p" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="headingXl" tone={tone}>
          {value}
        </Text>
      </BlockStack>
    </Card>
  );
}

/** The window's totals: transactions sent, cancelled, failed and points awarded. */
export function DashboardSummary({ totals, days }: { totals: Omit<DayFigures, "day">; days: number }) {
  const { t, number } = useI18n();
  return (
    <BlockStack gap="200">
      <Text as="h2" variant="headingMd">
        {t("dashboard.lastDays", { days })}
      </Text>
      <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
        <Figure label={t("dashboard.sent")} value={number(totals.sent)} tone="success" />
        <Figure label={t("dashboard.cancelled")} value={number(totals.cancelled)} />
        <Figure
          label={t("dashboard.failed")}
          value={number(totals.failed)}
          tone={totals.failed > 0 ? "critical" : undefined}
        />
        <Figure label={t("dashboard.points")} value={number(totals.points, { maximumFractionDigits: 0 })} />
      </InlineGrid>
    </BlockStack>
  );
}

export function WebhookSummary({ webhooks }: { webhooks: Record<string, number> }) {
  const { t, number } = useI18n();
  const value = (status: string) => number(webhooks[status] ?? 0);
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("dashboard.webhooks")}
        </Text>
        <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {t("dashboard.webhooksReceived")}
            </Text>
            <Text as="p" variant="headingLg">
              {number((webhooks.RECEIVED ?? 0) + (webhooks.PROCESSED ?? 0))}
            </Text>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {t("dashboard.webhooksIgnored")}
            </Text>
            <Text as="p" variant="headingLg">
              {value("IGNORED")}
            </Text>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {t("dashboard.webhooksInvalid")}
            </Text>
            <Text as="p" variant="headingLg">
              {value("INVALID")}
            </Text>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="p" tone="subdued">
              {t("dashboard.webhooksFailed")}
            </Text>
            <Text as="p" variant="headingLg">
              {value("FAILED")}
            </Text>
          </BlockStack>
        </InlineGrid>
      </BlockStack>
    </Card>
  );
}
