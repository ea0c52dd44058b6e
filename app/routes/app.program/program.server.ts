import type { Shop } from "~/db.server";
import { ADMIN_READ } from "~/admin/diller-reads.server";
import { summarizeStore } from "~/admin/connection.server";
import type { StoreSummary } from "~/admin/views";
import { oldestRead, type DillerStoreReads, type StoreRead } from "~/shops/diller-store-reads.server";

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

/** Segments, levels, coupons and stamp cards (active and inactive), from the app's store reads. */
export async function loyaltyProgram(
  reads: DillerStoreReads,
  shop: Shop,
  { fresh = false, now = () => new Date() }: { fresh?: boolean; now?: () => Date } = {},
): Promise<StoreRead<LoyaltyProgram>> {
  if (fresh) reads.forget(shop.shop);
  const all = await Promise.all([
    reads.store(shop, ADMIN_READ),
    reads.segments(shop, ADMIN_READ),
    reads.levels(shop, ADMIN_READ),
    reads.activeCoupons(shop, ADMIN_READ),
    reads.allCoupons(shop, ADMIN_READ),
    reads.activeStampCards(shop, ADMIN_READ),
    reads.allStampCards(shop, ADMIN_READ),
  ]);
  const [store, segments, levels, activeCoupons, allCoupons, activeCards, allCards] = all;
  const at = now();
  return {
    value: {
      store: summarizeStore(store.value, shop.dillerStoreId ?? ""),
      segments: segmentRows(segments.value),
      levels: levelRows(levels.value),
      coupons: couponRows(allCoupons.value, activeCoupons.value, at),
      stampCards: stampCardRows(allCards.value, activeCards.value, at),
    },
    loadedAt: oldestRead(...all),
  };
}
