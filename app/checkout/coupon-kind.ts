import type { CouponKind, CouponView } from "@diller/storefront-contract";

import type { MemberCoupon } from "~/diller/schemas.server";

/**
 * What checkout can do with a Diller coupon. Pure; table-tested in coupon-kind.test.ts.
 *
 * Diller's `product_ids` are the merchant's own product identifiers. Only those that are Shopify
 * product ids (numeric or `gid://shopify/Product/…`) can scope a Shopify discount; a coupon whose
 * products are all unknown to Shopify cannot be minted, because a discount on the whole cart would
 * give more than the coupon promises.
 */
export type MintableCoupon =
  | { mintable: true; kind: CouponKind; value: number | null; productGids: string[] }
  | { mintable: false; reason: "unknown_discount_type" | "no_value" | "unknown_products" };

const PRODUCT_GID = /^gid:\/\/shopify\/Product\/(\d{1,20})$/;
const NUMERIC_ID = /^\d{1,20}$/;

/** The Shopify product GID of a Diller product id, or null when it is not a Shopify product. */
export function shopifyProductGid(productId: string): string | null {
  const trimmed = productId.trim();
  if (PRODUCT_GID.test(trimmed)) return trimmed;
  if (NUMERIC_ID.test(trimmed)) return `gid://shopify/Product/${trimmed}`;
  return null;
}

export function couponKindOf(coupon: Pick<MemberCoupon, "discount_type">): CouponKind | null {
  switch (coupon.discount_type) {
    case "Percentage":
      return "percentage";
    case "Fixed":
      return "fixed_amount";
    case "FreeShipping":
      return "free_shipping";
    default:
      return null;
  }
}

export function mintableCoupon(
  coupon: Pick<MemberCoupon, "discount_type" | "discount_value" | "product_ids">,
): MintableCoupon {
  const kind = couponKindOf(coupon);
  if (!kind) return { mintable: false, reason: "unknown_discount_type" };
  const value = kind === "free_shipping" ? null : (coupon.discount_value ?? null);
  if (value !== null && (value <= 0 || (kind === "percentage" && value > 100)))
    return { mintable: false, reason: "no_value" };
  if (kind !== "free_shipping" && value === null) return { mintable: false, reason: "no_value" };
  const productIds = coupon.product_ids ?? [];
  const productGids = productIds.flatMap((id) => shopifyProductGid(id) ?? []);
  if (productIds.length > 0 && productGids.length === 0) return { mintable: false, reason: "unknown_products" };
  return { mintable: true, kind, value, productGids };
}

/** The checkout's view of a member coupon, or null when checkout cannot apply it. */
export function couponViewOf(
  coupon: MemberCoupon,
  { currency, appliedCode }: { currency: string | null; appliedCode: string | null },
): CouponView | null {
  const mintable = mintableCoupon(coupon);
  if (!mintable.mintable) return null;
  return {
    id: String(coupon.id ?? coupon.code),
    title: coupon.title,
    description: coupon.description ?? null,
    kind: mintable.kind,
    value: mintable.value === null ? null : decimal(mintable.value),
    currency: mintable.kind === "fixed_amount" ? currency : null,
    productIds: mintable.productGids,
    validFrom: isoOrNull(coupon.valid_from),
    validTo: isoOrNull(coupon.valid_to),
    imageUrl: coupon.image_url ?? null,
    appliedCode,
  };
}

/** The stable key of a Diller coupon, as the extension sends it back (`CouponView.id`). */
export function couponKeyOf(coupon: Pick<MemberCoupon, "id" | "code">): string {
  return String(coupon.id ?? coupon.code);
}

function decimal(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
