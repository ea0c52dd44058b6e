import { randomBytes } from "node:crypto";

import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { beforeEach, describe, expect, it } from "vitest";

import { getDatabase } from "~/db.server";
import { sessionStorage as appSessionStorage } from "~/shopify.server";

import { createSecretBox } from "./encryption.server";
import { SealedSessionStorage } from "./sealed-session-storage.server";
import { resealSessionTokens } from "./session-tokens.server";

const db = getDatabase();
const SHOP = "sealed.myshopify.com";
const oldKey = randomBytes(32);
const newKey = randomBytes(32);

function offline(id = `offline_${SHOP}`) {
  return new Session({
    id,
    shop: SHOP,
    state: "",
    isOnline: false,
    scope: "read_orders",
    accessToken: "shpat_secret_access",
    refreshToken: "shprt_secret_refresh",
    expires: new Date(Date.now() + 3_600_000),
    refreshTokenExpires: new Date(Date.now() + 86_400_000),
  });
}

const storageWith = (...keys: Buffer[]) =>
  new SealedSessionStorage(new PrismaSessionStorage(db), createSecretBox(keys[0] ?? newKey, keys.slice(1)));

beforeEach(async () => {
  await db.session.deleteMany({ where: { shop: SHOP } });
});

describe("SealedSessionStorage", () => {
  it("stores access and refresh tokens sealed and loads them in the clear", async () => {
    const storage = storageWith(oldKey);
    await storage.storeSession(offline());
    const row = await db.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    expect(row.accessToken).not.toContain("shpat_secret_access");
    expect(row.refreshToken).not.toContain("shprt_secret_refresh");
    const loaded = await storage.loadSession(`offline_${SHOP}`);
    expect(loaded?.accessToken).toBe("shpat_secret_access");
    expect(loaded?.refreshToken).toBe("shprt_secret_refresh");
    expect((await storage.findSessionsByShop(SHOP)).map((session) => session.accessToken)).toEqual([
      "shpat_secret_access",
    ]);
  });

  it("keeps tokens readable through a key rotation and after the old key is dropped", async () => {
    await storageWith(oldKey).storeSession(offline());
    // Rotation: the new key is current, the old one still opens.
    expect((await storageWith(newKey, oldKey).loadSession(`offline_${SHOP}`))?.accessToken).toBe("shpat_secret_access");
    const rotated = await resealSessionTokens(db, createSecretBox(newKey, [oldKey]));
    expect(rotated.resealed).toBeGreaterThanOrEqual(1);
    // The old key is gone; the re-sealed tokens still open.
    const loaded = await storageWith(newKey).loadSession(`offline_${SHOP}`);
    expect(loaded?.accessToken).toBe("shpat_secret_access");
    expect(loaded?.refreshToken).toBe("shprt_secret_refresh");
  });

  it("loads a session stored before tokens were sealed", async () => {
    await db.session.create({ data: { id: "legacy", shop: SHOP, state: "", accessToken: "shpat_plain" } });
    expect((await storageWith(newKey).loadSession("legacy"))?.accessToken).toBe("shpat_plain");
  });

  it("is what the app stores sessions with", async () => {
    await appSessionStorage?.storeSession(offline("offline_app"));
    const row = await db.session.findUniqueOrThrow({ where: { id: "offline_app" } });
    expect(row.accessToken).not.toBe("shpat_secret_access");
    expect((await appSessionStorage?.loadSession("offline_app"))?.accessToken).toBe("shpat_secret_access");
  });
});
