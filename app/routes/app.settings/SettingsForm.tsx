import { Link as RemixLink, useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState, type ReactNode } from "react";

import { useI18n } from "~/i18n/I18nProvider";

import { CurrencyNotice } from "~/admin/ui/CurrencyNotice";
import type { ConnectionView, DepartmentOption, FieldErrors, SettingsValues, StoreSummary } from "~/admin/views";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Layout.AnnotatedSection title={title}>
      <Card>
        <BlockStack gap="300">{children}</BlockStack>
      </Card>
    </Layout.AnnotatedSection>
  );
}

type Flag =
  | "integrationEnabled"
  | "includeShipping"
  | "sendTestOrders"
  | "loyaltyFactsOnCustomers"
  | "levelTags"
  | "guestEnrollment"
  | "discountCombinesWithProduct"
  | "discountCombinesWithOrder"
  | "discountCombinesWithShipping";

/** Every merchant setting; validation happens on the server and comes back as field errors. */
export function SettingsForm({
  values: saved,
  connection,
  store,
  departments,
  errors = {},
  posRegisters,
}: {
  values: SettingsValues;
  connection: ConnectionView;
  store: StoreSummary | null;
  departments: DepartmentOption[] | null;
  errors?: FieldErrors;
  /** The POS registers section, shown after Orders (it saves on its own). */
  posRegisters?: ReactNode;
}) {
  const { t, render, dateTime } = useI18n();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [values, setValues] = useState(saved);
  const set =
    <Key extends keyof SettingsValues>(key: Key) =>
    (value: SettingsValues[Key]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const error = (field: string) => (errors[field] ? render(errors[field]) : undefined);
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : undefined;
  const flag = (key: Flag, label: string, helpText?: string) => (
    <Checkbox label={label} helpText={helpText} checked={values[key]} onChange={set(key)} error={error(key)} />
  );

  const save = () =>
    submit(
      {
        intent: "save",
        ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)])),
      },
      { method: "post" },
    );

  const departmentOptions = [
    { value: "", label: t("onboarding.noDepartment") },
    ...(departments ?? []).map((department) => ({
      value: department.id,
      label: `${department.name} (${department.id})`,
    })),
  ];
  if (values.departmentId && !departmentOptions.some((option) => option.value === values.departmentId)) {
    departmentOptions.push({ value: values.departmentId, label: values.departmentId });
  }

  return (
    <Layout>
      <Section title={t("settings.integration")}>
        {flag("integrationEnabled", t("settings.integrationEnabled"), t("settings.integrationHelp"))}
      </Section>
      <Section title={t("settings.orders")}>
        <ChoiceList
          title={t("settings.orderTrigger")}
          choices={[
            { value: "PAID", label: t("settings.orderTriggerPaid") },
            { value: "FULFILLED", label: t("settings.orderTriggerFulfilled") },
          ]}
          selected={[values.orderTrigger]}
          onChange={([choice]) => set("orderTrigger")(choice === "FULFILLED" ? "FULFILLED" : "PAID")}
          error={error("orderTrigger")}
        />
        {flag("includeShipping", t("settings.includeShipping"), t("settings.includeShippingHelp"))}
        {flag("sendTestOrders", t("settings.sendTestOrders"), t("settings.sendTestOrdersHelp"))}
        <CurrencyNotice
          shopCurrency={connection.shopCurrency}
          storeCurrency={store?.currency ?? null}
          choice={values.currencyMismatch}
        />
        <ChoiceList
          title={t("settings.currencyMismatch", { storeCurrency: store?.currency ?? t("common.none") })}
          choices={[
            { value: "SKIP", label: t("settings.currencyMismatchSkip") },
            { value: "SEND", label: t("settings.currencyMismatchSend") },
          ]}
          selected={[values.currencyMismatch]}
          onChange={([choice]) => set("currencyMismatch")(choice === "SEND" ? "SEND" : "SKIP")}
          error={error("currencyMismatch")}
        />
        {flag(
          "loyaltyFactsOnCustomers",
          t("settings.loyaltyFactsOnCustomers"),
          t("settings.loyaltyFactsOnCustomersHelp"),
        )}
        {flag("levelTags", t("settings.levelTags"), t("settings.levelTagsHelp"))}
        <Select
          label={t("settings.department")}
          helpText={t("settings.departmentHelp")}
          options={departmentOptions}
          value={values.departmentId}
          onChange={set("departmentId")}
          error={error("departmentId")}
        />
      </Section>
      {posRegisters}
      <Section title={t("settings.checkout")}>
        {flag("guestEnrollment", t("settings.guestEnrollment"))}
        <TextField
          label={t("settings.membershipConsentText")}
          helpText={t("settings.membershipConsentHelp")}
          multiline={3}
          autoComplete="off"
          value={values.membershipConsentText}
          onChange={set("membershipConsentText")}
          error={error("membershipConsentText")}
        />
        {store ? (
          <Text as="p" tone={store.privacyPolicyUrl ? "subdued" : "caution"}>
            {store.privacyPolicyUrl
              ? t("settings.privacyPolicyLink", { url: store.privacyPolicyUrl })
              : t("settings.privacyPolicyMissing")}
          </Text>
        ) : null}
        <TextField
          label={t("settings.marketingConsentText")}
          helpText={t("settings.marketingConsentHelp")}
          multiline={3}
          autoComplete="off"
          value={values.marketingConsentText}
          onChange={set("marketingConsentText")}
          error={error("marketingConsentText")}
        />
      </Section>
      <Section title={t("settings.discounts")}>
        <TextField
          label={t("settings.discountCodePrefix")}
          helpText={t("settings.discountCodePrefixHelp", {
            example: `${values.discountCodePrefix.toUpperCase()}7Q2K9X`,
          })}
          autoComplete="off"
          value={values.discountCodePrefix}
          onChange={set("discountCodePrefix")}
          error={error("discountCodePrefix")}
        />
        <Text as="p" fontWeight="semibold">
          {t("settings.combinesWith")}
        </Text>
        {flag("discountCombinesWithProduct", t("settings.combinesWithProduct"))}
        {flag("discountCombinesWithOrder", t("settings.combinesWithOrder"))}
        {flag("discountCombinesWithShipping", t("settings.combinesWithShipping"))}
      </Section>
      <Section title={t("settings.connection")}>
        <FormLayout>
          <Text as="p">
            {t("settings.connectionEnvironment")}:{" "}
            {connection.environment === "custom"
              ? `${t("environment.custom")} (${connection.customBaseUrl ?? ""})`
              : connection.environment === "prerelease"
                ? t("environment.prerelease")
                : t("environment.production")}
          </Text>
          <Text as="p">
            {t("settings.connectionStoreId")}: {connection.storeId ?? t("common.none")}
          </Text>
          <Text as="p">
            {t("settings.connectionApiKey")}: {connection.apiKeyMasked ?? t("common.none")}
          </Text>
          {connection.connectedAt ? (
            <Text as="p">
              {t("settings.connectionConnectedAt")}: {dateTime(connection.connectedAt)}
            </Text>
          ) : null}
        </FormLayout>
        <InlineStack gap="300">
          <Button
            loading={busy === "test-connection"}
            onClick={() => submit({ intent: "test-connection" }, { method: "post" })}
          >
            {t("settings.testConnection")}
          </Button>
          <RemixLink to="/app/onboarding?step=connect">{t("onboarding.changeConnection")}</RemixLink>
        </InlineStack>
      </Section>
      <Layout.Section>
        <Box paddingBlockEnd="800">
          <InlineStack align="end">
            <Button variant="primary" loading={busy === "save"} onClick={save}>
              {t("settings.save")}
            </Button>
          </InlineStack>
        </Box>
      </Layout.Section>
      {Object.keys(errors).length > 0 ? (
        <Layout.Section>
          <Banner tone="critical">{t("common.fixFields")}</Banner>
        </Layout.Section>
      ) : null}
    </Layout>
  );
}
