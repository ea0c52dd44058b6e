import type { Shop } from "~/db.server";
import { oldestRead, type DillerStoreReads, type StoreRead } from "~/shops/diller-store-reads.server";

import { summarizeStore } from "./connection.server";
import { departmentOptions } from "./departments.server";
import type { DepartmentOption, StoreSummary } from "./views";

/** How old a Diller read the admin shows; a page's refresh (or a change the merchant made) forgets it sooner. */
export const DILLER_READ_TTL_MS = 60_000;
export const ADMIN_READ = { maxAgeMs: DILLER_READ_TTL_MS };

export interface StoreBasics {
  store: StoreSummary;
  departments: DepartmentOption[];
}

/** The store profile and departments (settings, onboarding), from the app's store reads. */
export async function storeBasics(reads: DillerStoreReads, shop: Shop): Promise<StoreRead<StoreBasics>> {
  const [store, departments] = await Promise.all([reads.store(shop, ADMIN_READ), reads.departments(shop, ADMIN_READ)]);
  return {
    value: {
      store: summarizeStore(store.value, shop.dillerStoreId ?? ""),
      departments: departmentOptions(departments.value),
    },
    loadedAt: oldestRead(store, departments),
  };
}
