import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { dillerReadCache, dillerReadKey, forgetDillerReads } from "~/admin/diller-reads.server";
import { summarizeStore } from "~/admin/connection.server";
import type { StoreSummary } from "~/admin/views";

import {
  couponRows,
  levelRows,
  segmentRows,
  stampCardRows,
  type CouponRow,
  type LevelRow,
  type SegmentRow,
  type StampCardRow,
} from "./program-view";

export interface LoyaltyProgram {
  store: StoreSummary;
  levels: LevelRow[];
  segments: SegmentRow[];
  coupons: CouponRow[];
  stampCards: StampCardRow[];
}

const programCache = dillerReadCache<LoyaltyProgram>();

/** Segments, levels, coupons and stamp cards (active and inactive), cached briefly. */
export async function loyaltyProgram(
  shop: Shop,
  diller: DillerClient,
  { fresh = false, now = () => new Date() }: { fresh?: boolean; now?: () => Date } = {},
) {
  if (fresh) forgetDillerReads(shop.shop);
  return programCache.get(dillerReadKey(shop), async () => {
    const [store, segments, levels, activeCoupons, allCoupons, activeCards, allCards] = await Promise.all([
      diller.stores.getStore(),
      diller.stores.listSegments(),
      diller.stores.listMembershipLevels(),
      diller.coupons.listStoreCoupons(),
      diller.coupons.listStoreCoupons({ includeInactive: true }),
      diller.stampCards.listStoreStampCards(),
      diller.stampCards.listStoreStampCards({ includeInactive: true }),
    ]);
    const at = now();
    return {
      store: summarizeStore(store, shop.dillerStoreId ?? ""),
      segments: segmentRows(segments),
      levels: levelRows(levels),
      coupons: couponRows(allCoupons, activeCoupons, at),
      stampCards: stampCardRows(allCards, activeCards, at),
    };
  });
}
