import type { CheckoutConfigResponse, CheckoutJoinRequest, CheckoutJoinResponse } from "@diller/storefront-contract";
import { errorKey, formatPoints } from "@diller/extension-kit";
import { useApi } from "@shopify/ui-extensions/checkout/preact";
import { useEffect, useState } from "preact/hooks";

import { ConsentBoxes } from "../shared/ConsentBoxes";
import { useClient, useI18n } from "../shared/hooks";
import { loadConfig, loadShopper, type Shopper } from "../shared/loaders";
import { PointsPreview } from "../shared/PointsPreview";

import { retryWhileNotFound } from "./join-retry";

/** Thank-you page: members see this order's points and their balance; everyone else can join in one click. */
export function ThankYouBlock() {
  const client = useClient();
  const [shopper, setShopper] = useState<Shopper>({ kind: "loading" });
  const [config, setConfig] = useState<CheckoutConfigResponse | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([loadShopper(client), loadConfig(client)]).then(([loadedShopper, loadedConfig]) => {
      if (!live) return;
      setShopper(loadedShopper);
      setConfig(loadedConfig);
    });
    return () => {
      live = false;
    };
  }, [client]);

  if (shopper.kind === "loading" || shopper.kind === "unavailable" || config === null) return null;
  if (shopper.kind === "member") return <MemberThanks config={config} points={shopper.data.member.points} />;
  return <JoinOnThankYou config={config} />;
}

function MemberThanks({ config, points }: { config: CheckoutConfigResponse; points: number }) {
  const i18n = useI18n();
  return (
    <s-stack gap="small-200">
      <s-heading>{i18n.tr("thankYou.heading")}</s-heading>
      <PointsPreview pointsPerCurrencyUnit={config.pointsPerCurrencyUnit} />
      <s-text>{i18n.tr("points.balance", { points: formatPoints(i18n, points) })}</s-text>
    </s-stack>
  );
}

type JoinState = "idle" | "sending" | CheckoutJoinResponse["status"];

function JoinOnThankYou({ config }: { config: CheckoutConfigResponse }) {
  const { tr } = useI18n();
  const client = useClient();
  const { orderConfirmation } = useApi<"purchase.thank-you.block.render">();
  const [boxes, setBoxes] = useState({ membership: false, marketing: false });
  const [state, setState] = useState<JoinState>("idle");
  const [messageKey, setMessageKey] = useState<string | null>(null);

  if (state === "joining" || state === "already_member") {
    return <s-banner tone="success">{tr(state === "joining" ? "thankYou.joined" : "thankYou.alreadyMember")}</s-banner>;
  }

  async function join() {
    if (!boxes.membership) {
      setMessageKey("thankYou.mustAccept");
      return;
    }
    setMessageKey(null);
    setState("sending");
    const body: CheckoutJoinRequest = {
      orderId: orderConfirmation.value.order.id,
      membershipConsent: true,
      marketingConsent: boxes.marketing,
      textVersion: config.consent.textVersion,
    };
    const result = await retryWhileNotFound(() => client.post<CheckoutJoinResponse>("/api/checkout/join", body));
    if (result.ok) {
      setState(result.data.status);
    } else {
      setState("idle");
      setMessageKey(errorKey(result.error.code));
    }
  }

  return (
    <s-stack gap="base">
      <s-heading>{tr("thankYou.joinHeading")}</s-heading>
      <s-text>{tr("thankYou.joinIntro")}</s-text>
      <PointsPreview pointsPerCurrencyUnit={config.pointsPerCurrencyUnit} />
      <ConsentBoxes
        consent={config.consent}
        {...boxes}
        membershipError={messageKey === "thankYou.mustAccept" ? tr(messageKey) : undefined}
        onChange={(membership, marketing) => setBoxes({ membership, marketing })}
      />
      <s-button variant="primary" loading={state === "sending"} onClick={() => void join()}>
        {tr("thankYou.join")}
      </s-button>
      {messageKey && messageKey !== "thankYou.mustAccept" ? (
        <s-banner tone="critical">{tr(messageKey)}</s-banner>
      ) : null}
    </s-stack>
  );
}
