import { directSqlOf, modelRowsOf, type Database, type Shop } from "~/db.server";
import type { SecretBox } from "~/security/encryption.server";

import { baseUrlFor } from "./diller-environments";

export interface DillerConnection {
  baseUrl: string;
  storeId: string;
  apiKey: string;
  departmentId: string | null;
}

/** Creates the shop's row on install (or reinstall); settings survive a reinstall, the kill switch does not flip. */
export async function recordInstall(db: Database, shop: string): Promise<Shop> {
  return db.shop.upsert({ where: { shop }, create: { shop }, update: { uninstalledAt: null } });
}

export async function recordUninstall(db: Database, shop: string, at: Date): Promise<void> {
  await db.shop.updateMany({ where: { shop }, data: { uninstalledAt: at } });
}

export async function findShop(db: Database, shop: string): Promise<Shop | null> {
  // Without Prisma's query compiler: every job, checkout and account request reads it (docs/decisions/049).
  const [row] = modelRowsOf("Shop", await directSqlOf(db).query(`SELECT * FROM "Shop" WHERE "shop" = ?`, [shop]));
  return row ?? null;
}

/** The decrypted Diller connection of a shop, or null when it is not (completely) configured. */
export function dillerConnectionOf(shop: Shop, secrets: SecretBox): DillerConnection | null {
  const baseUrl = baseUrlFor(shop.dillerEnvironment, shop.dillerBaseUrl);
  if (!baseUrl || !shop.dillerStoreId || !shop.dillerApiKey) return null;
  return {
    baseUrl,
    storeId: shop.dillerStoreId,
    apiKey: secrets.open(shop.dillerApiKey),
    departmentId: shop.dillerDepartmentId,
  };
}

/** Why a shop's events are not sent to Diller right now, or null when they are. */
export function syncBlocker(shop: Shop | null): string | null {
  if (!shop) return "the app is not installed on this shop";
  if (shop.uninstalledAt) return "the app was uninstalled";
  if (!shop.dillerStoreId || !shop.dillerApiKey) return "Diller is not connected";
  if (!shop.integrationEnabled) return "the integration is switched off";
  return null;
}
