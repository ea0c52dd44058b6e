import type { Database } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { DiscountGateway } from "~/shopify/discounts.server";

/**
 * The Shopify discount codes minted for Diller coupons at checkout (table CheckoutCouponCode, written
 * by app/checkout): how the sync engine recognises them on an order, and how stale ones are ended.
 */

export type StaleReason = "used" | "expired" | "withdrawn" | "refused";

/** Minted codes are stored upper case; Shopify matches discount codes case-insensitively. */
export const normalizeCode = (code: string) => code.trim().toUpperCase();

/**
 * The Diller coupon code behind each of the order's discount codes that the app minted, keyed by
 * the normalised Shopify code. Codes the app did not mint are absent.
 */
export async function mintedCouponCodes(db: Database, shop: string, codes: string[]): Promise<Map<string, string>> {
  const normalized = [...new Set(codes.map(normalizeCode).filter(Boolean))];
  if (normalized.length === 0) return new Map();
  const rows = await db.checkoutCouponCode.findMany({
    where: { shop, code: { in: normalized }, discountId: { not: null } },
    select: { code: true, dillerCouponCode: true },
  });
  return new Map(rows.map((row) => [row.code, row.dillerCouponCode]));
}

/** An order used these minted codes: Shopify's single use is spent, so the next Apply mints anew. */
export async function markMintedCodesUsed(db: Database, shop: string, codes: string[]) {
  if (codes.length === 0) return;
  await db.checkoutCouponCode.updateMany({
    where: { shop, code: { in: codes.map(normalizeCode) }, status: "ACTIVE" },
    data: { status: "USED", deactivatedReason: "used" },
  });
}

/** Ends a minted code in Shopify (so Shopify itself refuses it) and records why. */
export async function deactivateMintedCode(
  { db, discounts }: { db: Database; discounts: DiscountGateway },
  row: { id: string; shop: string; discountId: string | null },
  reason: StaleReason,
) {
  if (row.discountId) await discounts.deactivate(row.shop, row.discountId);
  await db.checkoutCouponCode.updateMany({
    where: { id: row.id, shop: row.shop, status: "ACTIVE" },
    data: { status: "DEACTIVATED", deactivatedReason: reason },
  });
}

const SWEEP_BATCH = 500;

/**
 * Part of the reconciliation job: active minted codes whose Diller coupon is past its end or no
 * longer among the member's usable coupons (used elsewhere, withdrawn) are deactivated. One Diller
 * call per member; a failure for one member leaves the others swept.
 */
export async function sweepStaleMintedCodes(
  {
    db,
    discounts,
    diller,
    now = () => new Date(),
  }: {
    db: Database;
    discounts: DiscountGateway;
    diller: DillerClient;
    now?: () => Date;
  },
  shop: string,
): Promise<{ examined: number; deactivated: number }> {
  const rows = await db.checkoutCouponCode.findMany({
    where: { shop, status: "ACTIVE" },
    orderBy: { updatedAt: "asc" },
    take: SWEEP_BATCH,
  });
  const byMember = new Map<string, typeof rows>();
  for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
  let deactivated = 0;
  for (const [memberId, memberRows] of byMember) {
    const usable = new Set(
      (await diller.coupons.listMemberCoupons({ memberId })).map((coupon) => String(coupon.id ?? coupon.code)),
    );
    for (const row of memberRows) {
      const reason: StaleReason | null =
        row.validTo && row.validTo <= now() ? "expired" : usable.has(row.dillerCouponId) ? null : "withdrawn";
      if (!reason) continue;
      await deactivateMintedCode({ db, discounts }, row, reason);
      deactivated++;
    }
  }
  return { examined: rows.length, deactivated };
}
