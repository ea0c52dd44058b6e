import { Link as RemixLink, useFetcher, useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";

import { useI18n } from "~/i18n/I18nProvider";

import type { DepartmentOption, DillerProblem, FieldErrors, StoreSummary } from "~/admin/views";
import { ProblemBanner } from "~/admin/ui/ProblemBanner";
import { StoreCard } from "~/admin/ui/StoreCard";

interface CreateResult {
  intent: string;
  created?: DepartmentOption;
  errors?: FieldErrors;
  problem?: DillerProblem;
}

/** Step 2: confirm the store, choose (or create) the department, switch the integration on, finish. */
export function DepartmentStep({
  store,
  departments,
  departmentId,
  problem,
  result,
}: {
  store: StoreSummary | null;
  departments: DepartmentOption[] | null;
  departmentId: string | null;
  problem: DillerProblem | null;
  result?: { errors?: FieldErrors; problem?: DillerProblem };
}) {
  const { t, render } = useI18n();
  const submit = useSubmit();
  const navigation = useNavigation();
  const creator = useFetcher<CreateResult>();
  const [selected, setSelected] = useState(departmentId ?? departments?.[0]?.id ?? "");
  const [enable, setEnable] = useState(true);
  const [newId, setNewId] = useState("");
  const [newName, setNewName] = useState("");
  const created = creator.data?.created;

  // A department just created becomes the choice (adjusted during render, once per creation).
  const [adopted, setAdopted] = useState<string | null>(null);
  if (created && created.id !== adopted) {
    setAdopted(created.id);
    setSelected(created.id);
    setNewId("");
    setNewName("");
  }

  const finishing = navigation.state === "submitting" && navigation.formData?.get("intent") === "finish";
  const errors = result?.errors ?? {};
  const createErrors = creator.data?.errors ?? {};
  const options = [
    { value: "", label: t("onboarding.noDepartment") },
    ...(departments ?? []).map((department) => ({
      value: department.id,
      label: department.name === department.id ? department.id : `${department.name} (${department.id})`,
    })),
  ];

  return (
    <BlockStack gap="400">
      {store ? (
        <InlineStack align="space-between" blockAlign="center">
          <Text as="p">{t("onboarding.connectedAs", { storeName: store.name ?? store.id, storeId: store.id })}</Text>
          <RemixLink to="/app/onboarding?step=connect">{t("onboarding.changeConnection")}</RemixLink>
        </InlineStack>
      ) : null}
      {problem ? (
        <ProblemBanner problem={problem} tone="warning" title={t("onboarding.departmentsUnavailable")} />
      ) : null}
      {result?.problem ? <ProblemBanner problem={result.problem} /> : null}
      {store ? <StoreCard store={store} /> : null}
      <Card>
        <BlockStack gap="400">
          <Text as="p">{t("onboarding.departmentIntro")}</Text>
          {errors.form ? <Banner tone="critical">{render(errors.form)}</Banner> : null}
          <FormLayout>
            {departments ? (
              <Select
                label={t("onboarding.department")}
                options={options}
                value={selected}
                onChange={setSelected}
                error={errors.departmentId ? render(errors.departmentId) : undefined}
              />
            ) : null}
            <Checkbox
              label={t("onboarding.enable")}
              helpText={t("onboarding.enableHelp")}
              checked={enable}
              onChange={setEnable}
            />
          </FormLayout>
          <InlineStack align="end">
            <Button
              variant="primary"
              loading={finishing}
              onClick={() =>
                submit({ intent: "finish", departmentId: selected, enable: String(enable) }, { method: "post" })
              }
            >
              {t("onboarding.finish")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
      {departments ? (
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("onboarding.createDepartment")}
            </Text>
            {created ? (
              <Banner tone="success">{t("onboarding.departmentCreated", { name: created.name })}</Banner>
            ) : null}
            {creator.data?.problem ? <ProblemBanner problem={creator.data.problem} /> : null}
            <FormLayout>
              <FormLayout.Group>
                <TextField
                  label={t("onboarding.departmentId")}
                  helpText={t("onboarding.departmentIdHelp")}
                  autoComplete="off"
                  value={newId}
                  onChange={setNewId}
                  error={createErrors.departmentId ? render(createErrors.departmentId) : undefined}
                />
                <TextField
                  label={t("onboarding.departmentName")}
                  autoComplete="off"
                  value={newName}
                  onChange={setNewName}
                  error={createErrors.departmentName ? render(createErrors.departmentName) : undefined}
                />
              </FormLayout.Group>
            </FormLayout>
            <InlineStack align="end">
              <Button
                loading={creator.state === "submitting"}
                onClick={() =>
                  creator.submit(
                    { intent: "create-department", departmentId: newId, departmentName: newName },
                    { method: "post" },
                  )
                }
              >
                {t("onboarding.createDepartmentButton")}
              </Button>
            </InlineStack>
          </BlockStack>
        </Card>
      ) : null}
    </BlockStack>
  );
}
