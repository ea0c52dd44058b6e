import type { Gender } from "@diller/storefront-contract";
import { valueOf } from "@diller/extension-kit";

import { useI18n } from "../shared/hooks";
import { type FormValues } from "./values";

type TextKey = Exclude<keyof FormValues, "segments" | "consents" | "gender">;

interface Props {
  values: FormValues;
  errorFor: (path: string) => string | undefined;
  onChange: (patch: Partial<FormValues>) => void;
  /** In edit mode the phone changes only through the one-time-code flow. */
  phoneReadOnly: boolean;
}

const GENDERS: Gender[] = ["female", "male", "non_binary", "not_shared"];

export function ProfileFields({ values, errorFor, onChange, phoneReadOnly }: Props) {
  const { tr } = useI18n();
  const text = (key: TextKey, errorPath: string = key, required = false) => (
    <s-text-field
      id={key}
      label={tr(`form.${key}`)}
      value={values[key]}
      required={required}
      readOnly={phoneReadOnly && (key === "phoneCountryCode" || key === "phoneNumber")}
      error={errorFor(errorPath)}
      onChange={(event) => onChange({ [key]: valueOf(event) })}
    />
  );
  return (
    <s-stack gap="base">
      {text("firstName", "firstName", true)}
      {text("lastName", "lastName", true)}
      <s-email-field
        id="email"
        label={tr("form.email")}
        value={values.email}
        required
        error={errorFor("email")}
        onChange={(event) => onChange({ email: valueOf(event) })}
      />
      <s-stack direction="inline" gap="base">
        {text("phoneCountryCode", "phone")}
        {text("phoneNumber", "phone")}
      </s-stack>
      <s-date-field
        id="birthDate"
        label={tr("form.birthDate")}
        value={values.birthDate}
        error={errorFor("birthDate")}
        onChange={(event) => onChange({ birthDate: valueOf(event) })}
      />
      <s-select
        id="gender"
        label={tr("form.gender")}
        value={values.gender}
        error={errorFor("gender")}
        onChange={(event) => {
          const value = valueOf(event);
          onChange({ gender: GENDERS.find((gender) => gender === value) ?? "" });
        }}
      >
        <s-option value="">—</s-option>
        {GENDERS.map((gender) => (
          <s-option key={gender} value={gender}>
            {tr(`form.genders.${gender}`)}
          </s-option>
        ))}
      </s-select>
      {text("street", "address.street")}
      <s-stack direction="inline" gap="base">
        {text("zipCode", "address.zipCode")}
        {text("city", "address.city")}
      </s-stack>
      {text("countryCode", "address.countryCode")}
    </s-stack>
  );
}
