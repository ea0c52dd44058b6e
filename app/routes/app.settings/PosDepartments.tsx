import { useNavigation, useSubmit } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, InlineStack, Layout, Select, Text } from "@shopify/polaris";
import { useState } from "react";

import { useI18n } from "~/i18n/I18nProvider";

import { LOCATION_FIELD_PREFIX, POS_DEPARTMENTS_INTENT, type PosRegistersView } from "./pos-registers";
import type { DepartmentOption, FieldErrors } from "~/admin/views";

/** Settings → POS registers: a department per Shopify location, saved on its own. */
export function PosDepartments({
  registers,
  departments,
  defaultDepartmentId,
  errors = {},
}: {
  registers: PosRegistersView;
  departments: DepartmentOption[] | null;
  defaultDepartmentId: string;
  errors?: FieldErrors;
}) {
  const { t, render } = useI18n();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [chosen, setChosen] = useState(
    () => new Map((registers ?? []).map((register) => [register.locationId, register.departmentId])),
  );
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === POS_DEPARTMENTS_INTENT;

  const defaultName = departments?.find((department) => department.id === defaultDepartmentId)?.name;
  const options = (current: string) => {
    const list = [
      {
        value: "",
        label: t("pos.defaultDepartment", {
          department: defaultName ?? (defaultDepartmentId || t("onboarding.noDepartment")),
        }),
      },
      ...(departments ?? []).map((department) => ({
        value: department.id,
        label: `${department.name} (${department.id})`,
      })),
    ];
    // A saved department Diller no longer lists (or could not list) stays visible.
    if (current && !list.some((option) => option.value === current)) list.push({ value: current, label: current });
    return list;
  };
  const save = () =>
    submit(
      {
        intent: POS_DEPARTMENTS_INTENT,
        ...Object.fromEntries(
          [...chosen].map(([locationId, departmentId]) => [LOCATION_FIELD_PREFIX + locationId, departmentId]),
        ),
      },
      { method: "post" },
    );

  return (
    <Layout.AnnotatedSection title={t("pos.title")} description={t("pos.intro")}>
      <Card>
        <BlockStack gap="300">
          {registers === null ? <Banner tone="warning">{t("pos.locationsUnavailable")}</Banner> : null}
          {registers?.length === 0 ? <Text as="p">{t("pos.noLocations")}</Text> : null}
          {(registers ?? []).map((register) => {
            const field = LOCATION_FIELD_PREFIX + register.locationId;
            const value = chosen.get(register.locationId) ?? "";
            return (
              <Select
                key={register.locationId}
                label={register.name}
                options={options(value)}
                value={value}
                onChange={(departmentId) =>
                  setChosen((current) => new Map(current).set(register.locationId, departmentId))
                }
                error={errors[field] ? render(errors[field]) : undefined}
              />
            );
          })}
          {errors.form ? <Banner tone="critical">{render(errors.form)}</Banner> : null}
          {registers && registers.length > 0 ? (
            <InlineStack align="end">
              <Button loading={busy} onClick={save}>
                {t("pos.save")}
              </Button>
            </InlineStack>
          ) : null}
        </BlockStack>
      </Card>
    </Layout.AnnotatedSection>
  );
}
