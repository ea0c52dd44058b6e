import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { stampCardRules, type StampCardRule } from "~/loyalty/stamp-cards";

/** What the order sync needs of Diller's store profile. */
export interface StoreFacts {
  pointsRatio: number | null;
  currency: string | null;
  stampsEnabled: boolean;
}

const TTL_MS = 10 * 60 * 1000;

/**
 * Diller's store profile and stamp cards, read at most once per shop every ten minutes: concurrent
 * orders share one pending read instead of each asking Diller, and a store without stamp cards (or with
 * stamps switched off) costs no call per order. A failed read is forgotten, so the next order asks again.
 */
export function createStoreFactsCache(now: () => Date) {
  const profiles = new Map<string, { value: Promise<StoreFacts | null>; at: number }>();
  const stampCards = new Map<string, { value: Promise<StampCardRule[] | null>; at: number }>();

  function cached<T>(
    entries: Map<string, { value: Promise<T | null>; at: number }>,
    shop: string,
    read: () => Promise<T>,
  ): Promise<T | null> {
    const entry = entries.get(shop);
    if (entry && now().getTime() - entry.at < TTL_MS) return entry.value;
    const value = read().catch(() => {
      entries.delete(shop);
      return null;
    });
    entries.set(shop, { value, at: now().getTime() });
    return value;
  }

  return {
    /** The store's points ratio, currency and whether stamps are on; null when Diller could not be read. */
    facts(shopRow: Shop, diller: DillerClient): Promise<StoreFacts | null> {
      return cached(profiles, shopRow.shop, async () => {
        const store = await diller.stores.getStore();
        return {
          pointsRatio:
            store.points_system?.enabled === false ? 0 : (store.points_system?.currency_points_ratio ?? null),
          currency: store.currency ?? null,
          stampsEnabled: store.stamps_enabled === true,
        };
      });
    },
    /** The store's stamp cards that name products; null when Diller could not be read. */
    async stampRules(shopRow: Shop, diller: DillerClient): Promise<StampCardRule[] | null> {
      const facts = await this.facts(shopRow, diller);
      if (!facts) return null;
      if (!facts.stampsEnabled) return [];
      return cached(stampCards, shopRow.shop, async () =>
        stampCardRules(await diller.stampCards.listStoreStampCards()),
      );
    },
  };
}

export type StoreFactsCache = ReturnType<typeof createStoreFactsCache>;
