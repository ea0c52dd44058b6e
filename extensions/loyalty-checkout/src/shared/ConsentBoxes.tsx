import type { ConsentConfig } from "@diller/storefront-contract";
import { checkedOf } from "@diller/extension-kit";

import { useI18n } from "./hooks";

interface Props {
  consent: ConsentConfig;
  membership: boolean;
  marketing: boolean;
  onChange: (membership: boolean, marketing: boolean) => void;
  membershipError?: string;
}

/**
 * The two boxes: membership (required to join, with the privacy policy) and marketing. Marketing
 * consent without membership means nothing to Diller, so it follows the membership box.
 */
export function ConsentBoxes({ consent, membership, marketing, onChange, membershipError }: Props) {
  const { tr } = useI18n();
  return (
    <s-stack gap="small-200">
      <s-checkbox
        id="membership-consent"
        label={consent.membershipText ?? tr("consent.membership")}
        checked={membership}
        error={membershipError}
        onChange={(event) => onChange(checkedOf(event), checkedOf(event) && marketing)}
      />
      {consent.privacyPolicyUrl ? (
        <s-link href={consent.privacyPolicyUrl} target="_blank">
          {tr("consent.privacyPolicy")}
        </s-link>
      ) : null}
      <s-checkbox
        id="marketing-consent"
        label={consent.marketingText ?? tr("consent.marketing")}
        checked={marketing}
        disabled={!membership}
        onChange={(event) => onChange(membership, checkedOf(event))}
      />
    </s-stack>
  );
}
