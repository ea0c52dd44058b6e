import type { ConsentConfig, MemberConsents } from "@diller/storefront-contract";
import { checkedOf } from "@diller/extension-kit";

import { useI18n } from "../shared/hooks";

interface Props {
  config: ConsentConfig;
  consents: MemberConsents;
  membershipError: string | undefined;
  onChange: (consents: MemberConsents) => void;
}

/** Membership (required, with the privacy policy), marketing by e-mail and SMS, and order history. */
export function ConsentFields({ config, consents, membershipError, onChange }: Props) {
  const { tr } = useI18n();
  const box = (key: keyof MemberConsents, label: string, error?: string) => (
    <s-checkbox
      id={`consent-${key}`}
      label={label}
      checked={consents[key]}
      error={error}
      onChange={(event) => onChange({ ...consents, [key]: checkedOf(event) })}
    />
  );
  return (
    <s-stack gap="small-200">
      {box("membership", config.membershipText ?? tr("form.consents.membership"), membershipError)}
      {config.privacyPolicyUrl ? (
        <s-link href={config.privacyPolicyUrl} target="_blank">
          {tr("form.privacyPolicy")}
        </s-link>
      ) : null}
      {box("marketingEmail", config.marketingText ?? tr("form.consents.marketingEmail"))}
      {box("marketingSms", tr("form.consents.marketingSms"))}
      {box("keepOrderHistory", tr("form.consents.keepOrderHistory"))}
    </s-stack>
  );
}
