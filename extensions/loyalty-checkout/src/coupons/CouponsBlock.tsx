import type { CheckoutConfigResponse, CouponView } from "@diller/storefront-contract";
import { useApi } from "@shopify/ui-extensions/checkout/preact";
import { useEffect, useState } from "preact/hooks";

import { useClient, useI18n } from "../shared/hooks";
import { loadConfig, loadShopper, type Shopper } from "../shared/loaders";
import { PointsPreview } from "../shared/PointsPreview";
import { CouponCard } from "./CouponCard";
import { useCouponActions } from "./useCouponActions";
import { useCouponValidation } from "./useCouponValidation";

/** The coupons UI of both coupon targets (next to the discount field, and the editor block). */
export function CouponsBlock() {
  const client = useClient();
  const { tr } = useI18n();
  const [shopper, setShopper] = useState<Shopper>({ kind: "loading" });
  const [config, setConfig] = useState<CheckoutConfigResponse | null>(null);
  const removedReason = useCouponValidation(client);

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

  return (
    <s-stack gap="base">
      {removedReason ? <s-banner tone="warning">{tr(`coupons.invalid.${removedReason}`)}</s-banner> : null}
      <ShopperCoupons shopper={shopper} />
      <PointsPreview pointsPerCurrencyUnit={config?.pointsPerCurrencyUnit ?? null} />
    </s-stack>
  );
}

function ShopperCoupons({ shopper }: { shopper: Shopper }) {
  const { tr } = useI18n();
  const { shop } = useApi();
  switch (shopper.kind) {
    case "loading":
      return <s-skeleton-paragraph />;
    case "guest":
      return (
        <s-stack gap="small-200">
          <s-text>{tr("coupons.loginPrompt")}</s-text>
          <s-link href={`${shop.storefrontUrl ?? ""}/account/login`}>{tr("coupons.logIn")}</s-link>
        </s-stack>
      );
    case "not_member":
      return <s-text>{tr("coupons.joinPrompt")}</s-text>;
    case "unavailable":
      // Quiet on purpose: checkout goes on without loyalty.
      return <s-text color="subdued">{tr("coupons.unavailable")}</s-text>;
    case "member":
      return <MemberCoupons coupons={shopper.data.coupons} />;
  }
}

function MemberCoupons({ coupons }: { coupons: CouponView[] }) {
  const { tr } = useI18n();
  const client = useClient();
  const actions = useCouponActions(client);
  const { discountCodes } = useApi();
  const onCheckout = new Set(discountCodes.value.map(({ code }) => code.toUpperCase()));
  if (coupons.length === 0) return <s-text color="subdued">{tr("coupons.none")}</s-text>;

  function appliedCode(coupon: CouponView): string | null {
    const code = actions.appliedCodes[coupon.id] ?? coupon.appliedCode;
    return code && onCheckout.has(code.toUpperCase()) ? code : null;
  }

  return (
    <s-stack gap="base">
      <s-heading>{tr("coupons.heading")}</s-heading>
      {coupons.map((coupon) => (
        <CouponCard
          key={coupon.id}
          coupon={coupon}
          appliedCode={appliedCode(coupon)}
          busy={actions.busyId === coupon.id}
          onApply={() => void actions.apply(coupon)}
          onRemove={(code) => void actions.remove(coupon, code)}
        />
      ))}
      {actions.messageKey ? <s-banner tone="critical">{tr(actions.messageKey)}</s-banner> : null}
    </s-stack>
  );
}
