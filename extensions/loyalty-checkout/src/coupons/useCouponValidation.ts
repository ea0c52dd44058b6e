import type { ValidateCouponsResponse } from "@diller/storefront-contract";
import { type StorefrontClient } from "@diller/extension-kit";
import { useApi } from "@shopify/ui-extensions/checkout/preact";
import { useEffect, useRef, useState } from "preact/hooks";

export type InvalidReason = ValidateCouponsResponse["invalid"][number]["reason"];

/**
 * Re-checks the applied codes with the app whenever they or the cart change, and removes the ones
 * Diller no longer accepts (the server has already deactivated their Shopify codes, so this is about
 * telling the shopper, not enforcement). Returns the reason of the last removal for the notice.
 * With the merchant's "block_invalid_coupons" setting on, it also checks once more before payment.
 */
export function useCouponValidation(client: StorefrontClient): InvalidReason | null {
  const api = useApi<"purchase.checkout.block.render">();
  const { applyDiscountCodeChange, instructions } = api;
  // Reading `.value` during render subscribes this component to the host's signals.
  const codes = api.discountCodes.value.map(({ code }) => code);
  const subtotalAmount = api.cost.subtotalAmount.value.amount;
  const settings = api.settings.value;
  const blockingEnabled = "block_invalid_coupons" in settings && settings.block_invalid_coupons === true;
  const [removed, setRemoved] = useState<InvalidReason | null>(null);
  const codesKey = [...codes].sort().join("\n");
  const latestCodes = useRef(codes);
  latestCodes.current = codes;

  async function validateAndRemove(current: string[]): Promise<number> {
    if (current.length === 0) return 0;
    const result = await client.post<ValidateCouponsResponse>("/api/checkout/coupons/validate", { codes: current });
    // Diller unavailable: the shopper keeps the code; the server-side check at order time still applies.
    if (!result.ok) return 0;
    const canRemove = instructions.value.discounts.canUpdateDiscountCodes;
    for (const invalid of result.data.invalid) {
      if (canRemove) await applyDiscountCodeChange({ type: "removeDiscountCode", code: invalid.code });
      setRemoved(invalid.reason);
    }
    return result.data.invalid.length;
  }

  useEffect(() => {
    void validateAndRemove(latestCodes.current);
    // Deps: runs when the codes or the cart total change
  }, [codesKey, subtotalAmount, client]);

  const blocking = useRef(blockingEnabled);
  blocking.current = blockingEnabled;
  useEffect(() => {
    const teardown = api.buyerJourney.intercept(async ({ canBlockProgress }) => {
      if (!blocking.current || !canBlockProgress) return { behavior: "allow" };
      const invalidCount = await validateAndRemove(latestCodes.current);
      if (invalidCount === 0) return { behavior: "allow" };
      return { behavior: "block", reason: "A Diller coupon is no longer valid" };
    });
    return () => void teardown.then((release) => release());
    // Deps: registered once; reads the latest state through refs
  }, []);

  return removed;
}
