import type { CouponKind } from "@diller/storefront-contract";

/**
 * A Diller coupon as a Shopify discount code input (Admin API 2026-07). Pure; table-tested in
 * discount-input.test.ts. Every code is for one customer (`context.customers.add`), single use,
 * ends with the coupon, and combines as the merchant chose in the settings.
 */
export interface DiscountCodeRequest {
  mutation: "discountCodeBasicCreate" | "discountCodeFreeShippingCreate";
  input: Record<string, unknown>;
}

export interface MintInput {
  code: string;
  title: string;
  kind: CouponKind;
  /** Percent (0–100] for percentage, money for fixed_amount; ignored for free_shipping. */
  value: number | null;
  productGids: string[];
  customerGid: string;
  startsAt: Date;
  endsAt: Date | null;
  combinesWith: { productDiscounts: boolean; orderDiscounts: boolean; shippingDiscounts: boolean };
}

/** Shopify caps discount titles at 255 characters. */
const TITLE_MAX = 255;

export function discountCodeRequest(input: MintInput): DiscountCodeRequest {
  const common = {
    title: `Diller: ${input.title}`.slice(0, TITLE_MAX),
    code: input.code,
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt ? input.endsAt.toISOString() : null,
    context: { customers: { add: [input.customerGid] } },
    usageLimit: 1,
    appliesOncePerCustomer: true,
    combinesWith: input.combinesWith,
  };
  if (input.kind === "free_shipping") {
    return {
      mutation: "discountCodeFreeShippingCreate",
      input: { ...common, destination: { all: true } },
    };
  }
  if (input.value === null) throw new RangeError(`a ${input.kind} coupon needs a value`);
  const items = input.productGids.length > 0 ? { products: { productsToAdd: input.productGids } } : { all: true };
  const value =
    input.kind === "percentage"
      ? // Shopify takes the percentage as a fraction: 0.1 is 10 %.
        { percentage: Math.round(input.value * 100) / 10_000 }
      : // One amount off the whole order (or the scoped products together), not off each item.
        { discountAmount: { amount: input.value.toFixed(2), appliesOnEachItem: false } };
  return { mutation: "discountCodeBasicCreate", input: { ...common, customerGets: { items, value } } };
}
