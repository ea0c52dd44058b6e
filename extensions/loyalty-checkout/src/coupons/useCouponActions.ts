import type { ApplyCouponResponse, CouponView } from "@diller/storefront-contract";
import { errorKey, type StorefrontClient } from "@diller/extension-kit";
import { useApi } from "@shopify/ui-extensions/checkout/preact";
import { useState } from "preact/hooks";

export interface CouponActions {
  /** The coupon whose Apply/Remove is running (buttons show loading; double clicks are ignored). */
  busyId: string | null;
  /** Translation key of the last failure, shown under the list. */
  messageKey: string | null;
  apply(coupon: CouponView): Promise<void>;
  remove(coupon: CouponView, code: string): Promise<void>;
  /** Codes applied in this session, by coupon id (the list's `appliedCode` may predate the apply). */
  appliedCodes: Record<string, string>;
}

export function useCouponActions(client: StorefrontClient): CouponActions {
  const { applyDiscountCodeChange, instructions } = useApi<"purchase.checkout.block.render">();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [messageKey, setMessageKey] = useState<string | null>(null);
  const [appliedCodes, setAppliedCodes] = useState<Record<string, string>>({});

  async function run(coupon: CouponView, action: () => Promise<string | null>) {
    if (busyId !== null) return;
    setBusyId(coupon.id);
    setMessageKey(null);
    try {
      setMessageKey(await action());
    } finally {
      setBusyId(null);
    }
  }

  return {
    busyId,
    messageKey,
    appliedCodes,
    apply: (coupon) =>
      run(coupon, async () => {
        // Draft-order checkouts and some B2B setups forbid code changes: ask before minting anything.
        if (!instructions.value.discounts.canUpdateDiscountCodes) return "coupons.locked";
        const minted = await client.post<ApplyCouponResponse>("/api/checkout/coupons/apply", { couponId: coupon.id });
        if (!minted.ok) return errorKey(minted.error.code);
        const result = await applyDiscountCodeChange({ type: "addDiscountCode", code: minted.data.code });
        // The host's message is a developer diagnostic in English: never shown to the buyer.
        if (result.type === "error") return "coupons.notAccepted";
        setAppliedCodes((codes) => ({ ...codes, [coupon.id]: minted.data.code }));
        return null;
      }),
    remove: (coupon, code) =>
      run(coupon, async () => {
        if (!instructions.value.discounts.canUpdateDiscountCodes) return "coupons.locked";
        const result = await applyDiscountCodeChange({ type: "removeDiscountCode", code });
        if (result.type === "error") return "coupons.removeFailed";
        setAppliedCodes(({ [coupon.id]: _removed, ...rest }) => rest);
        return null;
      }),
  };
}
