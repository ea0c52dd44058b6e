import type { MemberDetail } from "@diller/storefront-contract";
import { formatDay, formatPoints } from "@diller/extension-kit";

import { useI18n } from "../shared/hooks";
import { MemberCoupons, MemberStampCards } from "./MemberBenefits";
import { MemberActivity, MemberConsentsView } from "./MemberHistory";

interface Props {
  member: MemberDetail;
  onEdit: () => void;
  onChangePhone: () => void;
  onLeave: () => void;
}

export function MemberOverview({ member, onEdit, onChangePhone, onLeave }: Props) {
  const i18n = useI18n();
  const { tr } = i18n;
  const expires = formatDay(i18n, member.levelExpiresAt);
  return (
    <s-stack gap="base">
      <s-section heading={tr("member.heading")}>
        <s-stack gap="small-200">
          <s-heading>{tr("member.points", { points: formatPoints(i18n, member.points) })}</s-heading>
          {member.levelTitle ? <s-text>{tr("member.level", { level: member.levelTitle })}</s-text> : null}
          {member.levelProgress !== null ? (
            <s-progress
              value={Math.min(1, Math.max(0, member.levelProgress))}
              max={1}
              accessibilityLabel={tr("member.progressLabel")}
            />
          ) : null}
          {member.pointsToNextLevel !== null && member.nextLevelTitle ? (
            <s-text>
              {tr("member.toNextLevel", {
                points: formatPoints(i18n, member.pointsToNextLevel),
                level: member.nextLevelTitle,
              })}
            </s-text>
          ) : (
            <s-text color="subdued">{tr("member.topLevel")}</s-text>
          )}
          {expires ? <s-text color="subdued">{tr("member.levelExpires", { date: expires })}</s-text> : null}
        </s-stack>
      </s-section>
      <MemberCoupons coupons={member.coupons} />
      <MemberStampCards cards={member.stampCards} />
      <MemberActivity activity={member.recentActivity} />
      <MemberConsentsView consents={member.consents} />
      <s-stack direction="inline" gap="base">
        <s-button id="edit-membership" onClick={onEdit}>
          {tr("member.edit")}
        </s-button>
        <s-button id="change-phone" onClick={onChangePhone}>
          {tr("member.changePhone")}
        </s-button>
        <s-button id="leave-program" tone="critical" onClick={onLeave}>
          {tr("member.leave")}
        </s-button>
      </s-stack>
    </s-stack>
  );
}
