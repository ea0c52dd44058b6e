import type { LoyaltyActivity, MemberConsents } from "@diller/storefront-contract";
import { formatDay, formatPoints } from "@diller/extension-kit";

import { useI18n } from "../shared/hooks";

export function MemberActivity({ activity }: { activity: LoyaltyActivity[] }) {
  const i18n = useI18n();
  if (activity.length === 0) return null;
  return (
    <s-section heading={i18n.tr("member.activityHeading")}>
      <s-stack gap="small-200">
        {activity.map((entry, index) => (
          <s-stack key={`${entry.at}-${index}`} direction="inline" gap="base">
            <s-text>{formatDay(i18n, entry.at)}</s-text>
            <s-text>{i18n.tr(`member.activity.${entry.kind}`, { order: entry.orderName ?? "" })}</s-text>
            {entry.points !== null ? (
              <s-text>{i18n.tr("member.activityPoints", { points: formatPoints(i18n, entry.points) })}</s-text>
            ) : null}
          </s-stack>
        ))}
      </s-stack>
    </s-section>
  );
}

const CONSENT_KEYS: (keyof MemberConsents)[] = ["membership", "marketingEmail", "marketingSms", "keepOrderHistory"];

export function MemberConsentsView({ consents }: { consents: MemberConsents }) {
  const { tr } = useI18n();
  return (
    <s-section heading={tr("member.consentsHeading")}>
      <s-stack gap="small-200">
        {CONSENT_KEYS.map((key) => (
          <s-text key={key}>
            {tr(`form.consents.${key}`)}: {tr(consents[key] ? "member.yes" : "member.no")}
          </s-text>
        ))}
      </s-stack>
    </s-section>
  );
}
