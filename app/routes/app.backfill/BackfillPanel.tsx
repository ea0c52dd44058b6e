import { useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Form,
  InlineStack,
  ProgressBar,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";

import { useI18n } from "~/i18n/I18nProvider";
import type { Message } from "~/i18n/translate";

import type { BackfillView, FieldErrors } from "~/admin/views";

/** How often the page asks for progress while a run is going. */
export const BACKFILL_POLL_MS = 2000;

const STATE_TONES = { RUNNING: "info", COMPLETED: "success", FAILED: "critical", CANCELLED: "attention" } as const;

function RunCard({ run }: { run: BackfillView }) {
  const { t, render, date, dateTime } = useI18n();
  const submit = useSubmit();
  const navigation = useNavigation();
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("backfill.latest")}
          </Text>
          <Badge tone={STATE_TONES[run.state]}>{t(`backfill.state.${run.state}`)}</Badge>
        </InlineStack>
        <Text as="p">{t("backfill.sinceLabel", { date: date(run.since) })}</Text>
        <ProgressBar
          progress={run.percent ?? 0}
          tone={run.state === "FAILED" ? "critical" : run.state === "COMPLETED" ? "success" : "highlight"}
          animated={run.state === "RUNNING"}
        />
        <Text as="p" tone="subdued">
          {run.total === null
            ? t("backfill.progressUnknown", { examined: run.examined })
            : t("backfill.progress", { examined: run.examined, total: run.total })}
          {" · "}
          {t("backfill.enqueued", { enqueued: run.enqueued })}
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("backfill.startedAt", { time: dateTime(run.startedAt) })}
          {run.finishedAt ? ` · ${t("backfill.finishedAt", { time: dateTime(run.finishedAt) })}` : ""}
        </Text>
        {run.error ? <Banner tone="critical">{render(run.error)}</Banner> : null}
        {run.resumable ? (
          <InlineStack align="end">
            <Button
              loading={navigation.state === "submitting"}
              onClick={() => submit({ intent: "resume", backfillId: run.id }, { method: "post" })}
            >
              {t("backfill.resume")}
            </Button>
          </InlineStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/** "Send paid orders since DATE": the form, and the latest run's progress, polled while it runs. */
export function BackfillPanel({
  latest,
  blocker,
  suggestedSince,
  today,
  errors = {},
  notice,
}: {
  latest: BackfillView | null;
  blocker: Message | null;
  suggestedSince: string;
  today: string;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { t, render } = useI18n();
  const submit = useSubmit();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [since, setSince] = useState(suggestedSince);
  const running = latest?.state === "RUNNING";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, BACKFILL_POLL_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);

  return (
    <BlockStack gap="400">
      {blocker ? <Banner tone="warning">{render(blocker)}</Banner> : null}
      {errors.form ? <Banner tone="critical">{render(errors.form)}</Banner> : null}
      {notice ? <Banner tone="success">{notice}</Banner> : null}
      <Card>
        <Form onSubmit={() => submit({ intent: "start", since }, { method: "post" })}>
          <BlockStack gap="300">
            <Text as="p">{t("backfill.intro")}</Text>
            <Text as="p" tone="subdued">
              {t("backfill.limitNote")}
            </Text>
            <InlineStack gap="300" blockAlign="end">
              <TextField
                label={t("backfill.since")}
                type="date"
                max={today}
                autoComplete="off"
                value={since}
                onChange={setSince}
                error={errors.since ? render(errors.since) : undefined}
              />
              <Button
                variant="primary"
                submit
                disabled={running || blocker !== null}
                loading={navigation.state === "submitting" && navigation.formData?.get("intent") === "start"}
              >
                {t("backfill.start")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
      </Card>
      {latest ? (
        <RunCard run={latest} />
      ) : (
        <Card>
          <Text as="p" tone="subdued">
            {t("backfill.none")}
          </Text>
        </Card>
      )}
    </BlockStack>
  );
}
