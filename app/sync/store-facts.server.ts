import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { stampCardRules, type StampCardRule } from "~/loyalty/stamp-cards";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";

/** What the order sync needs of Diller's store profile. */
export interface StoreFacts {
  pointsRatio: number | null;
  currency: string | null;
  stampsEnabled: boolean;
}

/** The order sync reuses a store read this long: concurrent and following orders cost no call for it. */
const MAX_AGE_MS = 10 * 60 * 1000;

/**
 * Diller's store profile and stamp cards as the order sync uses them, from the app's store reads: a
 * store without stamp cards (or with stamps switched off) costs no call per order. A failed read is
 * not kept, so the next order asks again.
 */
export function createStoreFacts(reads: DillerStoreReads) {
  return {
    /** The store's points ratio, currency and whether stamps are on; null when Diller could not be read. */
    facts(shopRow: Shop, diller: DillerClient): Promise<StoreFacts | null> {
      return reads.store(shopRow, { maxAgeMs: MAX_AGE_MS, diller }).then(
        ({ value: store }) => ({
          pointsRatio:
            store.points_system?.enabled === false ? 0 : (store.points_system?.currency_points_ratio ?? null),
          currency: store.currency ?? null,
          stampsEnabled: store.stamps_enabled === true,
        }),
        () => null,
      );
    },
    /** The store's stamp cards that name products; null when Diller could not be read. */
    async stampRules(shopRow: Shop, diller: DillerClient): Promise<StampCardRule[] | null> {
      const facts = await this.facts(shopRow, diller);
      if (!facts) return null;
      if (!facts.stampsEnabled) return [];
      return reads.activeStampCards(shopRow, { maxAgeMs: MAX_AGE_MS, diller }).then(
        ({ value }) => stampCardRules(value),
        () => null,
      );
    },
  };
}

export type SyncStoreFacts = ReturnType<typeof createStoreFacts>;
