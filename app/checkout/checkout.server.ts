import type { CheckoutConfigResponse, CheckoutMemberResponse } from "@diller/storefront-contract";

import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { JobQueue } from "~/jobs/queue";
import type { Logger } from "~/logger.server";
import type { DiscountGateway } from "~/shopify/discounts.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";
import type { StorefrontContext } from "~/storefront/handler.server";
import { availableShop, linkedMemberId } from "~/storefront/shop-access.server";

import type { MintDeps } from "./coupon-codes.server";
import { couponKeyOf, couponViewOf } from "./coupon-kind";
import { createCouponRoutes } from "./coupons.server";
import { createDillerReads, type DillerReadsOptions } from "./diller-reads.server";
import { createJoinRoute } from "./join.server";

export interface CheckoutDeps {
  db: Database;
  dillerFor: (shop: Shop) => DillerClient;
  /** The app's store reads (shared with the admin, the customer account and the order sync). */
  storeReads: DillerStoreReads;
  /** Admin API discount calls: only Apply and Validate use them, never the read routes. */
  discounts: DiscountGateway;
  queue: Pick<JobQueue, "send">;
  logger: Logger;
  now?: () => Date;
  cache?: Pick<DillerReadsOptions, "memberTtlMs" | "storeTtlMs">;
  mint?: Omit<MintDeps, "db" | "discounts" | "now">;
}

/**
 * The checkout extensions' backend (packages/storefront-contract): one handler per route, each
 * taking the storefront context (shop from the token's `dest`, customer from its `sub`).
 */
export function createCheckoutService({
  db,
  dillerFor,
  storeReads,
  discounts,
  queue,
  logger,
  now,
  cache,
  mint,
}: CheckoutDeps) {
  const reads = createDillerReads({ dillerFor, storeReads, logger, ...cache });
  const coupons = createCouponRoutes({ db, dillerFor, discounts, reads, logger, now, mint });

  return {
    /** GET /api/checkout/config: consent texts and version, privacy policy, points ratio (guests too). */
    async config(context: StorefrontContext): Promise<CheckoutConfigResponse> {
      const shop = await availableShop(db, context.shop);
      const store = await reads.store(shop);
      return {
        consent: {
          membershipText: shop.membershipConsentText,
          marketingText: shop.marketingConsentText,
          textVersion: shop.consentTextVersion,
          privacyPolicyUrl: store.privacyPolicyUrl,
        },
        pointsPerCurrencyUnit: store.pointsPerCurrencyUnit,
        currency: store.currency,
      };
    },

    /** GET /api/checkout/member: the member's summary and the coupons checkout can apply. */
    async member(context: StorefrontContext): Promise<CheckoutMemberResponse> {
      const customerId = context.requireCustomer();
      const shop = await availableShop(db, context.shop);
      const memberId = await linkedMemberId(db, shop.shop, customerId);
      if (!memberId) return { status: "not_member" };
      const [facts, store, minted] = await Promise.all([
        reads.member(shop, memberId),
        reads.store(shop),
        db.checkoutCouponCode.findMany({
          where: { shop: shop.shop, customerId, status: "ACTIVE" },
          select: { dillerCouponId: true, code: true },
        }),
      ]);
      if (!facts) return { status: "not_member" };
      const applied = new Map(minted.map((row) => [row.dillerCouponId, row.code]));
      const detail = facts.member.membership_detail;
      return {
        status: "member",
        member: {
          firstName: facts.member.first_name || null,
          points: detail?.points ?? 0,
          levelTitle: detail?.level_title || null,
        },
        coupons: facts.coupons.flatMap(
          (coupon) =>
            couponViewOf(coupon, {
              currency: store.currency,
              appliedCode: applied.get(couponKeyOf(coupon)) ?? null,
            }) ?? [],
        ),
      };
    },

    applyCoupon: coupons.apply,
    validateCoupons: coupons.validate,
    join: createJoinRoute({ db, queue, now }),
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
