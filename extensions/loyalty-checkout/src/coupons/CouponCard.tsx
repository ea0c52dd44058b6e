import type { CouponView } from "@diller/storefront-contract";
import { couponValidityText, couponValueText } from "@diller/extension-kit";

import { useI18n } from "../shared/hooks";

interface Props {
  coupon: CouponView;
  /** The Shopify code on the checkout for this coupon, or null when it is not applied. */
  appliedCode: string | null;
  busy: boolean;
  onApply: () => void;
  onRemove: (code: string) => void;
}

export function CouponCard({ coupon, appliedCode, busy, onApply, onRemove }: Props) {
  const i18n = useI18n();
  const value = couponValueText(i18n, coupon);
  const validity = couponValidityText(i18n, coupon);
  return (
    <s-stack direction="inline" gap="base" alignItems="center">
      {coupon.imageUrl ? <s-image src={coupon.imageUrl} alt={coupon.title} inlineSize="auto" /> : null}
      <s-stack gap="small-200">
        <s-text type="strong">{coupon.title}</s-text>
        {value ? <s-text>{value}</s-text> : null}
        {coupon.description ? <s-text color="subdued">{coupon.description}</s-text> : null}
        {coupon.productIds.length > 0 ? <s-text color="subdued">{i18n.tr("coupon.productsOnly")}</s-text> : null}
        {validity ? <s-text color="subdued">{validity}</s-text> : null}
      </s-stack>
      {appliedCode ? (
        <s-button variant="secondary" loading={busy} onClick={() => onRemove(appliedCode)}>
          {i18n.tr("coupons.remove")}
        </s-button>
      ) : (
        <s-button variant="secondary" loading={busy} onClick={onApply}>
          {i18n.tr("coupons.apply")}
        </s-button>
      )}
    </s-stack>
  );
}
