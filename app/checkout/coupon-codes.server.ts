import { randomBytes, randomUUID } from "node:crypto";

import { isUniqueConstraintError, type CheckoutCouponCode, type Database, type Shop } from "~/db.server";
import type { MemberCoupon } from "~/diller/schemas.server";
import type { DiscountGateway } from "~/shopify/discounts.server";
import { normalizeCode } from "~/sync/minted-coupons.server";

import { couponKeyOf, mintableCoupon } from "./coupon-kind";
import { discountCodeRequest } from "./discount-input";

export interface MintDeps {
  db: Database;
  discounts: DiscountGateway;
  now?: () => Date;
  /** A claim older than this is taken to belong to a crashed request and is taken over. */
  claimStaleMs?: number;
  /** How long a request waits for another request's claim before giving up. */
  waitMs?: number;
  pollMs?: number;
}

export interface MintRequest {
  shop: Shop;
  customerId: string;
  customerGid: string;
  memberId: string;
  coupon: MemberCoupon;
}

/** The coupon cannot be expressed as a Shopify discount (unknown kind or products). */
export class CouponNotMintableError extends Error {
  constructor(readonly reason: string) {
    super(`coupon cannot be minted: ${reason}`);
    this.name = "CouponNotMintableError";
  }
}

/** Another request's claim neither finished nor went stale in time. */
export class MintBusyError extends Error {
  constructor() {
    super("another request is minting this coupon");
    this.name = "MintBusyError";
  }
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** The merchant's prefix plus ten random characters without look-alikes (0/O, 1/I). */
export function newDiscountCode(prefix: string): string {
  const suffix = [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return normalizeCode(`${prefix.replace(/\s+/g, "")}${suffix}`);
}

/**
 * The Shopify code for one member's Diller coupon, minted at most once per (shop, coupon, customer).
 *
 * The row's unique key is the claim: the request that inserts it (status MINTING, with its own
 * claim token and a pre-chosen code) creates the discount; concurrent requests wait for the row to
 * turn ACTIVE and answer the same code. A claim whose request crashed goes stale and is taken over
 * with the same code, so a discount the crashed request did create in Shopify is found by its code
 * and adopted instead of duplicated. An ACTIVE row is reused while its discount is still live in
 * Shopify; a used, deactivated or deleted one is claimed again with a new code.
 */
export async function mintCouponCode(deps: MintDeps, request: MintRequest): Promise<string> {
  const { db, discounts, now = () => new Date(), claimStaleMs = 15_000, waitMs = 10_000, pollMs = 100 } = deps;
  const mintable = mintableCoupon(request.coupon);
  if (!mintable.mintable) throw new CouponNotMintableError(mintable.reason);
  const shop = request.shop.shop;
  const key = { shop, dillerCouponId: couponKeyOf(request.coupon), customerId: request.customerId };
  const validTo = dateOrNull(request.coupon.valid_to);
  const facts = { dillerCouponCode: request.coupon.code, memberId: request.memberId, validTo };
  const deadline = now().getTime() + waitMs;

  const finish = async (row: CheckoutCouponCode, token: string, adoptExisting: boolean): Promise<string | null> => {
    let code = row.code;
    try {
      for (let attempt = 0; ; attempt++) {
        const mint = discountCodeRequest({
          code,
          title: request.coupon.title,
          kind: mintable.kind,
          value: mintable.value,
          productGids: mintable.productGids,
          customerGid: request.customerGid,
          startsAt: now(),
          endsAt: validTo,
          combinesWith: {
            productDiscounts: request.shop.discountCombinesWithProduct,
            orderDiscounts: request.shop.discountCombinesWithOrder,
            shippingDiscounts: request.shop.discountCombinesWithShipping,
          },
        });
        const created = await discounts.create(shop, mint);
        let discountId = created.created ? created.discountId : null;
        if (!discountId && adoptExisting) discountId = (await discounts.findByCode(shop, code))?.discountId ?? null;
        if (discountId) {
          const done = await db.checkoutCouponCode.updateMany({
            where: { id: row.id, shop, claimToken: token },
            data: { status: "ACTIVE", discountId, code, claimToken: null },
          });
          return done.count === 1 ? code : null;
        }
        // The code is someone else's (a merchant's own code): pick another one.
        if (attempt >= 2) throw new Error("could not find a free discount code");
        code = newDiscountCode(request.shop.discountCodePrefix);
        adoptExisting = false;
        await db.checkoutCouponCode.updateMany({ where: { id: row.id, shop, claimToken: token }, data: { code } });
      }
    } catch (error) {
      // Let the next request take over at once (with the same code, adopting what was created).
      await db.checkoutCouponCode.updateMany({
        where: { id: row.id, shop, claimToken: token },
        data: { claimedAt: new Date(0) },
      });
      throw error;
    }
  };

  while (now().getTime() <= deadline) {
    const token = randomUUID();
    const row = await db.checkoutCouponCode.findUnique({ where: { shop_dillerCouponId_customerId: key } });
    if (!row) {
      let claimed: CheckoutCouponCode;
      try {
        claimed = await db.checkoutCouponCode.create({
          data: {
            ...key,
            ...facts,
            code: newDiscountCode(request.shop.discountCodePrefix),
            status: "MINTING",
            claimToken: token,
            claimedAt: now(),
          },
        });
      } catch (error) {
        if (isUniqueConstraintError(error)) continue;
        throw error;
      }
      const code = await finish(claimed, token, false);
      if (code) return code;
      continue;
    }
    if (row.status === "ACTIVE" && row.discountId) {
      if ((await discounts.state(shop, row.discountId)) === "active") return row.code;
    }
    if (row.status !== "MINTING") {
      // Used, deactivated, or its discount is gone: claim the row again with a fresh code.
      const code = newDiscountCode(request.shop.discountCodePrefix);
      const claimed = await db.checkoutCouponCode.updateMany({
        where: { id: row.id, shop, status: row.status, updatedAt: row.updatedAt },
        data: { ...facts, code, status: "MINTING", discountId: null, claimToken: token, claimedAt: now() },
      });
      if (claimed.count === 1) {
        const minted = await finish({ ...row, code }, token, false);
        if (minted) return minted;
      }
      continue;
    }
    if (!row.claimedAt || now().getTime() - row.claimedAt.getTime() > claimStaleMs) {
      const taken = await db.checkoutCouponCode.updateMany({
        where: { id: row.id, shop, status: "MINTING", claimToken: row.claimToken },
        data: { claimToken: token, claimedAt: now() },
      });
      if (taken.count === 1) {
        const minted = await finish(row, token, true);
        if (minted) return minted;
      }
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new MintBusyError();
}

function dateOrNull(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
