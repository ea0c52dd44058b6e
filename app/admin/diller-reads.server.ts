import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { createTtlCache } from "~/lib/ttl-cache";

import { summarizeStore } from "./connection.server";
import { departmentOptions } from "./departments.server";
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
import type { DepartmentOption, StoreSummary } from "./views";

/** How long the admin reuses what it read from Diller. */
export const DILLER_READ_TTL_MS = 60_000;

export interface StoreBasics {
  store: StoreSummary;
  departments: DepartmentOption[];
}

export interface LoyaltyProgram {
  store: StoreSummary;
  levels: LevelRow[];
  segments: SegmentRow[];
  coupons: CouponRow[];
  stampCards: StampCardRow[];
}

const storeBasicsCache = createTtlCache<StoreBasics>({ ttlMs: DILLER_READ_TTL_MS });
const programCache = createTtlCache<LoyaltyProgram>({ ttlMs: DILLER_READ_TTL_MS });

/** One cache entry per shop and connection: a new connection (or store) never sees the old one's data. */
function cacheKey(shop: Shop): string {
  return `${shop.shop}|${shop.dillerEnvironment}|${shop.dillerBaseUrl ?? ""}|${shop.dillerStoreId ?? ""}|${shop.connectedAt?.getTime() ?? 0}`;
}

/** Forgets what was read for a shop (after it created a department or changed its connection). */
export function forgetDillerReads(shop: string): void {
  storeBasicsCache.invalidate(`${shop}|`);
  programCache.invalidate(`${shop}|`);
}

export function clearDillerReadCaches(): void {
  storeBasicsCache.clear();
  programCache.clear();
}

/** The store profile and departments (settings, onboarding), cached briefly. */
export async function storeBasics(shop: Shop, diller: DillerClient, { fresh = false } = {}) {
  if (fresh) forgetDillerReads(shop.shop);
  return storeBasicsCache.get(cacheKey(shop), async () => {
    const [store, departments] = await Promise.all([diller.stores.getStore(), diller.stores.listDepartments()]);
    return { store: summarizeStore(store, shop.dillerStoreId ?? ""), departments: departmentOptions(departments) };
  });
}

/** Segments, levels, coupons and stamp cards (active and inactive), cached briefly. */
export async function loyaltyProgram(
  shop: Shop,
  diller: DillerClient,
  { fresh = false, now = () => new Date() }: { fresh?: boolean; now?: () => Date } = {},
) {
  if (fresh) forgetDillerReads(shop.shop);
  return programCache.get(cacheKey(shop), async () => {
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
