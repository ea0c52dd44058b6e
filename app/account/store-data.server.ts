import type { SegmentField } from "@diller/storefront-contract";

import { createTtlCache } from "~/lib/ttl-cache";
import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { MembershipLevel, StoreSegment } from "~/diller/schemas.server";

import { segmentFieldsOf } from "./segments";

/** The Diller store settings every account page needs, read once per shop for a few minutes. */
export interface StoreData {
  segments: StoreSegment[];
  /** The visible segments as form fields. */
  segmentFields: SegmentField[];
  levels: MembershipLevel[];
  privacyPolicyUrl: string | null;
  currency: string | null;
  /** Points per unit of currency; null when the store has no points system. */
  pointsPerCurrencyUnit: number | null;
  stampsEnabled: boolean;
}

const STORE_DATA_TTL_MS = 5 * 60_000;

export function createStoreDataCache(now: () => number) {
  const cache = createTtlCache<StoreData>({ ttlMs: STORE_DATA_TTL_MS, now });
  return {
    async get(shop: Shop, diller: DillerClient): Promise<StoreData> {
      const key = `${shop.shop}|${shop.dillerStoreId ?? ""}`;
      return (await cache.get(key, () => loadStoreData(diller))).value;
    },
    clear: () => cache.clear(),
  };
}

async function loadStoreData(diller: DillerClient): Promise<StoreData> {
  const [store, segments, levels] = await Promise.all([
    diller.stores.getStore(),
    diller.stores.listSegments(),
    diller.stores.listMembershipLevels(),
  ]);
  const points = store.points_system;
  return {
    segments,
    segmentFields: segmentFieldsOf(segments),
    levels,
    privacyPolicyUrl: store.privacy_policy_url || null,
    currency: store.currency ?? null,
    pointsPerCurrencyUnit: points?.enabled === false ? null : (points?.currency_points_ratio ?? null),
    stampsEnabled: store.stamps_enabled !== false,
  };
}
