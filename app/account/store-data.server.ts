import type { SegmentField } from "@diller/storefront-contract";

import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { MembershipLevel, StoreSegment } from "~/diller/schemas.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";

import { segmentFieldsOf } from "./segments";

/** The Diller store settings every account page needs. */
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

/** How old the store's settings may be on the account pages: they change rarely. */
const STORE_DATA_MAX_AGE_MS = 5 * 60_000;

/** The store's settings from the app's store reads, with the session's Diller client. */
export async function accountStoreData(reads: DillerStoreReads, shop: Shop, diller: DillerClient): Promise<StoreData> {
  const options = { maxAgeMs: STORE_DATA_MAX_AGE_MS, diller };
  const [{ value: store }, { value: segments }, { value: levels }] = await Promise.all([
    reads.store(shop, options),
    reads.segments(shop, options),
    reads.levels(shop, options),
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
