import { createTtlCache } from "~/lib/ttl-cache";
import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { DillerError, DillerNotFoundError } from "~/diller/errors.server";
import type { Member, MemberCoupon } from "~/diller/schemas.server";
import type { Logger } from "~/logger.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";
import { StorefrontHttpError } from "~/storefront/errors.server";

/** What checkout shows of the Diller store; null fields when Diller does not say (or is down). */
export interface StoreFacts {
  privacyPolicyUrl: string | null;
  pointsPerCurrencyUnit: number | null;
  currency: string | null;
}

export interface MemberFacts {
  member: Member;
  coupons: MemberCoupon[];
}

export interface DillerReadsOptions {
  dillerFor: (shop: Shop) => DillerClient;
  /** The app's store reads (shared with the admin, the customer account and the order sync). */
  storeReads: DillerStoreReads;
  logger: Logger;
  /** Member and coupons: short, so a coupon used elsewhere disappears soon. */
  memberTtlMs?: number;
  /** How old a store profile (privacy policy, points ratio, currency) checkout accepts: it changes rarely. */
  storeTtlMs?: number;
  now?: () => number;
}

/**
 * Diller reads behind the checkout routes: the store from the app's store reads (up to 5 minutes
 * old) and each member with their coupons, cached here per process (30 seconds). The Diller token is
 * cached by the client. A Diller failure becomes 503 `unavailable` (checkout goes on without the
 * app), never a cached answer.
 */
export function createDillerReads({
  dillerFor,
  storeReads,
  logger,
  memberTtlMs = 30_000,
  storeTtlMs = 5 * 60_000,
  now,
}: DillerReadsOptions) {
  const members = createTtlCache<MemberFacts>({ ttlMs: memberTtlMs, maxEntries: 5000, now });

  return {
    /** The store facts, or all-null facts while Diller is unreachable (the config must still load). */
    async store(shop: Shop): Promise<StoreFacts> {
      try {
        const { value: store } = await storeReads.store(shop, { maxAgeMs: storeTtlMs });
        const points = store.points_system;
        return {
          privacyPolicyUrl: store.privacy_policy_url || null,
          pointsPerCurrencyUnit: points && points.enabled !== false ? (points.currency_points_ratio ?? null) : null,
          currency: store.currency || null,
        };
      } catch (error) {
        logger.warn("Diller store not readable for checkout", { shop: shop.shop, error });
        return { privacyPolicyUrl: null, pointsPerCurrencyUnit: null, currency: null };
      }
    },

    /** The member and their usable coupons; null when Diller no longer knows the member. */
    async member(shop: Shop, memberId: string): Promise<MemberFacts | null> {
      try {
        const { value } = await members.get(`${shop.shop}:${memberId}`, async () => {
          const diller = dillerFor(shop);
          const [member, coupons] = await Promise.all([
            diller.members.getMember({ memberId }),
            diller.coupons.listMemberCoupons({ memberId }),
          ]);
          return { member, coupons };
        });
        return value;
      } catch (error) {
        if (error instanceof DillerNotFoundError) return null;
        throw unavailable(error, logger, shop.shop);
      }
    },

    /** Forgets a member's cached coupons (after an apply, so `appliedCode` shows at once). */
    forgetMember(shop: string, memberId: string) {
      members.invalidate(`${shop}:${memberId}`);
    },
  };
}

export type DillerReads = ReturnType<typeof createDillerReads>;

/** A Diller failure as the storefront's 503 `unavailable`, logged as a warning (Diller's problem, not ours). */
export function unavailable(error: unknown, logger: Logger, shop: string): unknown {
  if (!(error instanceof DillerError)) return error;
  logger.warn("Diller unavailable for checkout", { shop, error: error.message });
  return new StorefrontHttpError("unavailable");
}
