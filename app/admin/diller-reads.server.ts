import type { Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { createTtlCache, type TtlCache } from "~/lib/ttl-cache";

import { summarizeStore } from "./connection.server";
import { departmentOptions } from "./departments.server";
import type { DepartmentOption, StoreSummary } from "./views";

/** How long the admin reuses what it read from Diller. */
export const DILLER_READ_TTL_MS = 60_000;

export interface StoreBasics {
  store: StoreSummary;
  departments: DepartmentOption[];
}

const caches: Pick<TtlCache<unknown>, "invalidate" | "clear">[] = [];

/** A cache of Diller reads that forgetDillerReads and clearDillerReadCaches reach (pages keep their own). */
export function dillerReadCache<Value>(): TtlCache<Value> {
  const cache = createTtlCache<Value>({ ttlMs: DILLER_READ_TTL_MS });
  caches.push(cache);
  return cache;
}

const storeBasicsCache = dillerReadCache<StoreBasics>();

/** One cache entry per shop and connection: a new connection (or store) never sees the old one's data. */
export function dillerReadKey(shop: Shop): string {
  return `${shop.shop}|${shop.dillerEnvironment}|${shop.dillerBaseUrl ?? ""}|${shop.dillerStoreId ?? ""}|${shop.connectedAt?.getTime() ?? 0}`;
}

/** Forgets what was read for a shop (after it created a department or changed its connection). */
export function forgetDillerReads(shop: string): void {
  for (const cache of caches) cache.invalidate(`${shop}|`);
}

export function clearDillerReadCaches(): void {
  for (const cache of caches) cache.clear();
}

/** The store profile and departments (settings, onboarding), cached briefly. */
export async function storeBasics(shop: Shop, diller: DillerClient, { fresh = false } = {}) {
  if (fresh) forgetDillerReads(shop.shop);
  return storeBasicsCache.get(dillerReadKey(shop), async () => {
    const [store, departments] = await Promise.all([diller.stores.getStore(), diller.stores.listDepartments()]);
    return { store: summarizeStore(store, shop.dillerStoreId ?? ""), departments: departmentOptions(departments) };
  });
}
