import { useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Form,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";

import { useI18n } from "~/i18n/I18nProvider";

import type { ConnectionCheck, ConnectionView, FieldErrors } from "~/admin/views";
import { ProblemBanner } from "~/admin/ui/ProblemBanner";

const ENVIRONMENTS = ["production", "prerelease", "custom"] as const;

export interface ConnectionFormResult {
  intent: string;
  check?: ConnectionCheck;
  errors?: FieldErrors;
}

/**
 * Step 1: environment, store id and API key, "Test connection" and "Save and continue". The key
 * typed here stays in the browser's form state; the server never sends it back.
 */
export function ConnectionForm({ connection, result }: { connection: ConnectionView; result?: ConnectionFormResult }) {
  const { t, render } = useI18n();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [environment, setEnvironment] = useState(connection.environment);
  const [customBaseUrl, setCustomBaseUrl] = useState(connection.customBaseUrl ?? "");
  const [storeId, setStoreId] = useState(connection.storeId ?? "");
  const [apiKey, setApiKey] = useState("");
  const busyWith = navigation.state === "submitting" ? navigation.formData?.get("intent") : undefined;
  const errors = result?.errors ?? {};
  const fieldError = (name: string) => (errors[name] ? render(errors[name]) : undefined);

  const send = (intent: "test" | "connect") =>
    submit({ intent, environment, customBaseUrl, storeId, apiKey }, { method: "post" });

  const check = result?.check;
  return (
    <Card>
      <Form onSubmit={() => send("connect")}>
        <BlockStack gap="400">
          <Text as="p">{t("onboarding.intro")}</Text>
          {check?.ok ? (
            <Banner tone="success" title={t("onboarding.testOk", { storeName: check.store.name ?? check.store.id })}>
              <Text as="p">
                {t("onboarding.testOkDetail", {
                  storeId: check.store.id,
                  currency: check.store.currency ?? t("common.none"),
                })}
              </Text>
            </Banner>
          ) : null}
          {check && !check.ok ? (
            <ProblemBanner
              problem={check}
              title={result?.intent === "connect" ? t("onboarding.saveFailed") : t("onboarding.testFailed")}
            />
          ) : null}
          {errors.form ? <Banner tone="critical">{render(errors.form)}</Banner> : null}
          <FormLayout>
            <Select
              label={t("onboarding.environment")}
              helpText={t("onboarding.environmentHelp")}
              options={ENVIRONMENTS.map((value) => ({ value, label: t(`environment.${value}`) }))}
              value={environment}
              onChange={setEnvironment}
              error={fieldError("environment")}
            />
            {environment === "custom" ? (
              <TextField
                label={t("onboarding.customBaseUrl")}
                helpText={t("onboarding.customBaseUrlHelp")}
                type="url"
                autoComplete="off"
                value={customBaseUrl}
                onChange={setCustomBaseUrl}
                error={fieldError("customBaseUrl")}
              />
            ) : null}
            <TextField
              label={t("onboarding.storeId")}
              helpText={t("onboarding.storeIdHelp")}
              autoComplete="off"
              value={storeId}
              onChange={setStoreId}
              error={fieldError("storeId")}
            />
            <TextField
              label={t("onboarding.apiKey")}
              helpText={
                connection.apiKeyUnreadable
                  ? t("onboarding.apiKeyUnreadable")
                  : connection.apiKeyMasked
                    ? t("onboarding.apiKeySaved", { masked: connection.apiKeyMasked })
                    : t("onboarding.apiKeyHelp")
              }
              type="password"
              autoComplete="off"
              value={apiKey}
              onChange={setApiKey}
              error={fieldError("apiKey")}
            />
          </FormLayout>
          <InlineStack gap="300" align="end">
            <Button onClick={() => send("test")} loading={busyWith === "test"} disabled={Boolean(busyWith)}>
              {t("onboarding.test")}
            </Button>
            <Button variant="primary" submit loading={busyWith === "connect"} disabled={Boolean(busyWith)}>
              {t("onboarding.saveAndContinue")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
