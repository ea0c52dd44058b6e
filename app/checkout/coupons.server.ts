import type { ApplyCouponResponse, ValidateCouponsResponse } from "@diller/storefront-contract";
import { z } from "zod";

import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { DillerNotFoundError, DillerValidationError } from "~/diller/errors.server";
import type { MemberCoupon } from "~/diller/schemas.server";
import type { Logger } from "~/logger.server";
import { AdminApiError } from "~/shopify/admin-gateway.server";
import type { DiscountGateway } from "~/shopify/discounts.server";
import { StorefrontHttpError } from "~/storefront/errors.server";
import type { StorefrontContext } from "~/storefront/handler.server";
import { availableShop, linkedMemberId } from "~/storefront/shop-access.server";
import { deactivateMintedCode, normalizeCode, type StaleReason } from "~/sync/minted-coupons.server";

import { CouponNotMintableError, MintBusyError, mintCouponCode, type MintDeps } from "./coupon-codes.server";
import { couponKeyOf } from "./coupon-kind";
import { unavailable, type DillerReads } from "./diller-reads.server";

export interface CouponRoutesDeps {
  db: Database;
  dillerFor: (shop: Shop) => DillerClient;
  discounts: DiscountGateway;
  reads: DillerReads;
  logger: Logger;
  now?: () => Date;
  mint?: Omit<MintDeps, "db" | "discounts" | "now">;
}

const ApplyBody = z.object({ couponId: z.string().trim().min(1).max(64) });
const ValidateBody = z.object({ codes: z.array(z.string().trim().max(255)).max(50) });

/** POST /api/checkout/coupons/apply and /validate. */
export function createCouponRoutes({
  db,
  dillerFor,
  discounts,
  reads,
  logger,
  now = () => new Date(),
  mint,
}: CouponRoutesDeps) {
  /** Whether Diller lets this member use the coupon now; Diller being down is 503, not a refusal. */
  async function dillerAccepts(shop: Shop, memberId: string, couponCode: string): Promise<boolean> {
    try {
      const result = await dillerFor(shop).coupons.validateCoupon({ memberId, couponCode });
      return result.is_ok !== false;
    } catch (error) {
      if (error instanceof DillerValidationError || error instanceof DillerNotFoundError) return false;
      throw unavailable(error, logger, shop.shop);
    }
  }

  async function memberCoupon(shop: Shop, memberId: string, couponId: string): Promise<MemberCoupon | null> {
    const find = async () =>
      (await reads.member(shop, memberId))?.coupons.find((coupon) => couponKeyOf(coupon) === couponId) ?? null;
    const cached = await find();
    if (cached) return cached;
    // A coupon the member received seconds ago is not in the cached list yet.
    reads.forgetMember(shop.shop, memberId);
    return find();
  }

  return {
    async apply(context: StorefrontContext): Promise<ApplyCouponResponse> {
      const customerId = context.requireCustomer();
      const { couponId } = await context.body(ApplyBody);
      const shop = await availableShop(db, context.shop);
      const memberId = await linkedMemberId(db, shop.shop, customerId);
      if (!memberId) throw new StorefrontHttpError("not_member");
      // Only the member's own coupons: an id from anyone else's list is refused, whatever it is.
      const coupon = await memberCoupon(shop, memberId, couponId);
      if (!coupon) throw new StorefrontHttpError("forbidden");
      if (!(await dillerAccepts(shop, memberId, coupon.code))) throw new StorefrontHttpError("coupon_refused");
      try {
        const code = await mintCouponCode(
          { db, discounts, now, ...mint },
          {
            shop,
            customerId,
            customerGid: context.customerGid ?? `gid://shopify/Customer/${customerId}`,
            memberId,
            coupon,
          },
        );
        reads.forgetMember(shop.shop, memberId);
        return { code };
      } catch (error) {
        if (error instanceof CouponNotMintableError) throw new StorefrontHttpError("coupon_refused");
        if (error instanceof MintBusyError || error instanceof AdminApiError) {
          logger.warn("discount code not minted", { shop: shop.shop, error: error.message });
          throw new StorefrontHttpError("unavailable");
        }
        throw error;
      }
    },

    async validate(context: StorefrontContext): Promise<ValidateCouponsResponse> {
      const { codes } = await context.body(ValidateBody);
      const shop = await availableShop(db, context.shop);
      // Codes are minted for one customer; a guest's checkout cannot carry one, and nobody can end another's.
      if (!context.customerId || codes.length === 0) return { invalid: [] };
      const byCode = new Map(codes.map((code) => [normalizeCode(code), code]));
      const rows = await db.checkoutCouponCode.findMany({
        where: { shop: shop.shop, customerId: context.customerId, code: { in: [...byCode.keys()] } },
      });
      const invalid: ValidateCouponsResponse["invalid"] = [];
      for (const row of rows) {
        const code = byCode.get(row.code) ?? row.code;
        if (row.status === "USED" || row.status === "DEACTIVATED") {
          invalid.push({ code, reason: staleReasonOf(row.deactivatedReason) });
          continue;
        }
        if (row.status !== "ACTIVE") continue;
        if (await dillerAccepts(shop, row.memberId, row.dillerCouponCode)) continue;
        const reason = await refusalReason(shop, row);
        try {
          await deactivateMintedCode({ db, discounts }, row, reason);
        } catch (error) {
          // The extension still removes the code; the reconciliation job retries the deactivation.
          logger.warn("minted code not deactivated", { shop: shop.shop, error });
        }
        reads.forgetMember(shop.shop, row.memberId);
        invalid.push({ code, reason });
      }
      return { invalid };
    },
  };

  async function refusalReason(
    shop: Shop,
    row: { memberId: string; dillerCouponId: string; validTo: Date | null },
  ): Promise<StaleReason> {
    if (row.validTo && row.validTo <= now()) return "expired";
    reads.forgetMember(shop.shop, row.memberId);
    const facts = await reads.member(shop, row.memberId).catch(() => null);
    const stillListed = facts?.coupons.some((coupon) => couponKeyOf(coupon) === row.dillerCouponId);
    return stillListed ? "refused" : "withdrawn";
  }
}

function staleReasonOf(value: string | null): StaleReason {
  return value === "used" || value === "expired" || value === "withdrawn" ? value : "refused";
}
