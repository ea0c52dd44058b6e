import { useSubmit } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Text } from "@shopify/polaris";

import { useI18n } from "~/i18n/I18nProvider";

import type { DeadJobView, FailedCustomerView } from "~/admin/views";

/** Work that stopped after its last attempt, with why, and a way to run it again. */
export function FailedWorkPanel({ customers, jobs }: { customers: FailedCustomerView[]; jobs: DeadJobView[] }) {
  const { t, dateTime } = useI18n();
  const submit = useSubmit();
  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("dashboard.failedWork")}
        </Text>
        {customers.map((customer) => (
          <Row
            key={`customer-${customer.customerId}`}
            title={t("dashboard.failedCustomer", { customerId: customer.customerId })}
            detail={[customer.reason, customer.lastError].filter(Boolean).join(" — ")}
            at={dateTime(customer.updatedAt)}
            onRetry={() => submit({ intent: "retry-customer", customerId: customer.customerId }, { method: "post" })}
            retryLabel={t("dashboard.retry")}
          />
        ))}
        {jobs.map((job) => (
          <Row
            key={job.id}
            title={t(`dashboard.deadJob.${job.name}`, { subject: job.subject })}
            detail={`${t("dashboard.column.attempts")}: ${job.attempts}${job.lastError ? ` — ${job.lastError}` : ""}`}
            at={dateTime(job.createdAt)}
            onRetry={() => submit({ intent: "retry-job", name: job.name, subject: job.subject }, { method: "post" })}
            retryLabel={t("dashboard.retry")}
          />
        ))}
      </BlockStack>
    </Card>
  );
}

function Row(props: { title: string; detail: string; at: string; onRetry: () => void; retryLabel: string }) {
  return (
    <InlineStack align="space-between" blockAlign="center" gap="400" wrap={false}>
      <BlockStack gap="100">
        <Text as="p" fontWeight="semibold">
          {props.title}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm" breakWord>
          {props.detail}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {props.at}
        </Text>
      </BlockStack>
      <Button onClick={props.onRetry}>{props.retryLabel}</Button>
    </InlineStack>
  );
}
