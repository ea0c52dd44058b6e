import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { createTtlCache } from "~/lib/ttl-cache";

/** One read of the Diller store and when it was asked for (the admin shows "last read"). */
export interface StoreRead<Value> {
  value: Value;
  loadedAt: Date;
}

export interface StoreReadOptions {
  /** How old a value this reader accepts; the service's `ttlMs` when not said. */
  maxAgeMs?: number;
  /** A client the caller already opened for this shop, so a key that cannot be opened fails the caller as before. */
  diller?: DillerClient;
}

export interface DillerStoreReadsOptions {
  dillerFor: (shop: Shop) => DillerClient;
  now?: () => Date;
  ttlMs?: number;
  /** Per read kind; the oldest entries go first. */
  maxEntries?: number;
}

/** One cache entry per shop and connection: a new connection (or store) never sees the old one's data. */
function connectionKeyOf(shop: Shop): string {
  return `${shop.shop}|${shop.dillerEnvironment}|${shop.dillerBaseUrl ?? ""}|${shop.dillerStoreId ?? ""}|${shop.connectedAt?.getTime() ?? 0}`;
}

/**
 * The Diller store's settings that several parts of the app show or use (profile, departments,
 * segments, levels, coupons, stamp cards), read per shop and connection and shared by the admin,
 * checkout, customer account and order sync. Concurrent readers share one pending read; a failed
 * read is not kept; each reader says how old a value it accepts (`maxAgeMs`). Per process: with
 * several instances a value may be that old on each. Built once by the composition root.
 */
export function createDillerStoreReads({
  dillerFor,
  now = () => new Date(),
  ttlMs = 60_000,
  maxEntries = 1000,
}: DillerStoreReadsOptions) {
  function cachedRead<Value>(load: (diller: DillerClient) => Promise<Value>) {
    const cache = createTtlCache<Value>({ ttlMs, maxEntries, now: () => now().getTime() });
    return {
      read(shop: Shop, { maxAgeMs, diller }: StoreReadOptions = {}): Promise<StoreRead<Value>> {
        // async: a client that cannot be opened rejects this read (never cached) instead of throwing.
        return cache.get(connectionKeyOf(shop), async () => load(diller ?? dillerFor(shop)), { maxAgeMs });
      },
      forget: (shop: string) => cache.invalidate(`${shop}|`),
      clear: () => cache.clear(),
    };
  }

  const reads = {
    store: cachedRead((diller) => diller.stores.getStore()),
    departments: cachedRead((diller) => diller.stores.listDepartments()),
    segments: cachedRead((diller) => diller.stores.listSegments()),
    levels: cachedRead((diller) => diller.stores.listMembershipLevels()),
    activeCoupons: cachedRead((diller) => diller.coupons.listStoreCoupons()),
    allCoupons: cachedRead((diller) => diller.coupons.listStoreCoupons({ includeInactive: true })),
    activeStampCards: cachedRead((diller) => diller.stampCards.listStoreStampCards()),
    allStampCards: cachedRead((diller) => diller.stampCards.listStoreStampCards({ includeInactive: true })),
  };

  return {
    /** The store profile (name, currency, points system, privacy policy, stamps switch). */
    store: reads.store.read,
    departments: reads.departments.read,
    segments: reads.segments.read,
    levels: reads.levels.read,
    /** The store's coupons: active ones only, or all of them. */
    activeCoupons: reads.activeCoupons.read,
    allCoupons: reads.allCoupons.read,
    /** The store's stamp cards: active ones only, or all of them. */
    activeStampCards: reads.activeStampCards.read,
    allStampCards: reads.allStampCards.read,
    /** Forgets what was read for a shop (after it created a department or changed its connection). */
    forget(shop: string) {
      for (const read of Object.values(reads)) read.forget(shop);
    },
    clear() {
      for (const read of Object.values(reads)) read.clear();
    },
  };
}

export type DillerStoreReads = ReturnType<typeof createDillerStoreReads>;

/** When the oldest of several reads was made: what a page built from them shows as "last read". */
export function oldestRead(...reads: StoreRead<unknown>[]): Date {
  return new Date(Math.min(...reads.map((read) => read.loadedAt.getTime())));
}
