import type { AccountLoyaltyResponse } from "@diller/storefront-contract";
import { formatPoints } from "@diller/extension-kit";
import { useEffect, useState } from "preact/hooks";

import { useClient, useI18n } from "./shared/hooks";
import { LOYALTY_PAGE_URL } from "./shared/loyalty-page";

/** Profile page: points and level at a glance, and the way to the loyalty page (or to joining). */
export function ProfileSummary() {
  const i18n = useI18n();
  const { tr } = i18n;
  const client = useClient();
  const [loyalty, setLoyalty] = useState<AccountLoyaltyResponse | null>(null);

  useEffect(() => {
    let live = true;
    void client.get<AccountLoyaltyResponse>("/api/account/loyalty").then((result) => {
      if (live && result.ok) setLoyalty(result.data);
    });
    return () => {
      live = false;
    };
  }, [client]);

  // Quiet while loading and when the app cannot answer: the profile page must not look broken.
  if (loyalty === null) return null;
  return (
    <s-section heading={tr("heading")}>
      <s-stack gap="small-200">
        {loyalty.status === "member" ? (
          <>
            <s-text type="strong">{tr("profile.points", { points: formatPoints(i18n, loyalty.member.points) })}</s-text>
            {loyalty.member.levelTitle ? (
              <s-text>{tr("profile.level", { level: loyalty.member.levelTitle })}</s-text>
            ) : null}
            <s-link href={LOYALTY_PAGE_URL}>{tr("profile.open")}</s-link>
          </>
        ) : (
          <>
            <s-text>{tr(loyalty.status === "phone_match" ? "profile.phoneMatch" : "profile.join")}</s-text>
            <s-link href={LOYALTY_PAGE_URL}>
              {tr(loyalty.status === "phone_match" ? "profile.linkLink" : "profile.joinLink")}
            </s-link>
          </>
        )}
      </s-stack>
    </s-section>
  );
}
