import type { CouponView, StampCardView } from "@diller/storefront-contract";
import { couponValidityText, couponValueText } from "@diller/extension-kit";

import { useI18n } from "../shared/hooks";

export function MemberCoupons({ coupons }: { coupons: CouponView[] }) {
  const i18n = useI18n();
  return (
    <s-section heading={i18n.tr("member.couponsHeading")}>
      <s-stack gap="base">
        {coupons.length === 0 ? <s-text color="subdued">{i18n.tr("member.noCoupons")}</s-text> : null}
        {coupons.map((coupon) => {
          const value = couponValueText(i18n, coupon);
          const validity = couponValidityText(i18n, coupon);
          return (
            <s-stack key={coupon.id} direction="inline" gap="base">
              {coupon.imageUrl ? <s-image src={coupon.imageUrl} alt={coupon.title} inlineSize="auto" /> : null}
              <s-stack gap="small-200">
                <s-text type="strong">{coupon.title}</s-text>
                {value ? <s-text>{value}</s-text> : null}
                {coupon.description ? <s-text color="subdued">{coupon.description}</s-text> : null}
                {coupon.productIds.length > 0 ? (
                  <s-text color="subdued">{i18n.tr("coupon.productsOnly")}</s-text>
                ) : null}
                {validity ? <s-text color="subdued">{validity}</s-text> : null}
              </s-stack>
            </s-stack>
          );
        })}
        {coupons.length > 0 ? <s-paragraph>{i18n.tr("member.useAtCheckout")}</s-paragraph> : null}
      </s-stack>
    </s-section>
  );
}

export function MemberStampCards({ cards }: { cards: StampCardView[] }) {
  const { tr } = useI18n();
  if (cards.length === 0) return null;
  return (
    <s-section heading={tr("member.stampCardsHeading")}>
      <s-stack gap="base">
        {cards.map((card) => (
          <s-stack key={card.id} gap="small-200">
            <s-text type="strong">{card.title}</s-text>
            {card.description ? <s-text color="subdued">{card.description}</s-text> : null}
            <s-progress
              value={Math.min(card.collected, card.required)}
              max={Math.max(card.required, 1)}
              accessibilityLabel={card.title}
            />
            <s-text>{tr("member.stamps", { collected: card.collected, required: card.required })}</s-text>
          </s-stack>
        ))}
      </s-stack>
    </s-section>
  );
}
