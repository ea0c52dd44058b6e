import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { getDatabase, type Shop } from "~/db.server";
import { createDillerClient } from "~/diller/client.server";
import { silentLogger } from "~/logger.server";

import { createDillerStoreReads, oldestRead } from "./diller-store-reads.server";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
});
afterAll(async () => {
  await sandbox.stop();
});
let logStart = 0;
beforeEach(() => {
  sandbox.reset();
  sandbox.faults.reset();
  logStart = sandbox.requestLog.length;
});

const db = getDatabase();

async function connectedShop(shop: string, connection: Partial<Shop> = {}): Promise<Shop> {
  const data = {
    dillerEnvironment: "custom",
    dillerBaseUrl: sandbox.baseUrl,
    dillerStoreId: sandbox.credentials.storeId,
    dillerApiKey: "opened by dillerFor",
    connectedAt: new Date("2026-01-01T00:00:00Z"),
    ...connection,
  } as const;
  return db.shop.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

function clientFor(shop: Shop) {
  return createDillerClient({
    baseUrl: shop.dillerBaseUrl ?? "",
    storeId: sandbox.credentials.storeId,
    apiKey: sandbox.credentials.apiKey,
    logger: silentLogger,
  });
}

/** The service with a clock the test moves, and the shops it opened a client for. */
function service({ ttlMs = 60_000 } = {}) {
  let clock = Date.parse("2026-03-01T12:00:00Z");
  const opened: string[] = [];
  const reads = createDillerStoreReads({
    dillerFor: (shop) => {
      opened.push(shop.shop);
      return clientFor(shop);
    },
    now: () => new Date(clock),
    ttlMs,
  });
  return { reads, opened, advance: (ms: number) => (clock += ms) };
}

/** How often this test asked Diller for an operation. */
const callsOf = (operationId: string) =>
  sandbox.requestLog.slice(logStart).filter((entry) => entry.operationId === operationId).length;
/** The store profile's operation is `get`. */
const storeCalls = () => callsOf("get");

describe("createDillerStoreReads", () => {
  it("shares one pending read between concurrent readers", async () => {
    const { reads } = service();
    const shop = await connectedShop("concurrent.myshopify.com");

    const [first, second, third] = await Promise.all([reads.store(shop), reads.store(shop), reads.store(shop)]);

    expect(storeCalls()).toBe(1);
    expect(second).toBe(first);
    expect(third.value.id).toBe(sandbox.credentials.storeId);
  });

  it("reuses a read until it is older than the reader accepts, then reads again", async () => {
    const { reads, advance } = service({ ttlMs: 60_000 });
    const shop = await connectedShop("ttl.myshopify.com");

    const first = await reads.store(shop);
    advance(59_999);
    expect(await reads.store(shop)).toBe(first);
    // A reader that accepts five minutes keeps the value another reader would read again.
    advance(1);
    expect(await reads.store(shop, { maxAgeMs: 5 * 60_000 })).toBe(first);
    expect(storeCalls()).toBe(1);

    const second = await reads.store(shop);
    expect(storeCalls()).toBe(2);
    expect(second.loadedAt.getTime()).toBe(first.loadedAt.getTime() + 60_000);
    // The newer value now serves the patient reader too.
    expect(await reads.store(shop, { maxAgeMs: 5 * 60_000 })).toBe(second);
  });

  it("keeps no failed read: the next reader asks Diller again", async () => {
    const { reads } = service();
    const shop = await connectedShop("failing.myshopify.com");
    sandbox.faults.enqueue("get", { kind: "status", status: 409 });

    await expect(reads.store(shop)).rejects.toThrow();
    const after = await reads.store(shop);

    expect(after.value.id).toBe(sandbox.credentials.storeId);
    expect(storeCalls()).toBe(2);
  });

  it("keeps no read whose client could not be opened", async () => {
    let broken = true;
    const reads = createDillerStoreReads({
      dillerFor: (shop) => {
        if (broken) throw new Error("key cannot be opened");
        return clientFor(shop);
      },
    });
    const shop = await connectedShop("unopenable.myshopify.com");

    await expect(reads.store(shop)).rejects.toThrow("key cannot be opened");
    broken = false;
    expect((await reads.store(shop)).value.id).toBe(sandbox.credentials.storeId);
  });

  it("forgets one shop's reads, of every kind, and only that shop's", async () => {
    const { reads } = service();
    const forgotten = await connectedShop("forgotten.myshopify.com");
    const kept = await connectedShop("kept.myshopify.com");
    await Promise.all([reads.store(forgotten), reads.departments(forgotten), reads.store(kept)]);

    reads.forget(forgotten.shop);
    await Promise.all([reads.store(forgotten), reads.departments(forgotten), reads.store(kept)]);

    expect(storeCalls()).toBe(3);
    expect(callsOf("getDepartments")).toBe(2);
  });

  it("never serves one connection's read to the shop's next connection", async () => {
    const { reads } = service();
    const before = await connectedShop("reconnected.myshopify.com");
    await reads.store(before);

    const reconnected = await connectedShop(before.shop, { connectedAt: new Date("2026-02-01T00:00:00Z") });
    await reads.store(reconnected);
    const otherBaseUrl = { ...reconnected, dillerBaseUrl: `${sandbox.baseUrl}/` };
    await reads.store(otherBaseUrl);

    expect(storeCalls()).toBe(3);
  });

  it("reads with the caller's client when it has one", async () => {
    const { reads, opened } = service();
    const shop = await connectedShop("own-client.myshopify.com");

    await reads.levels(shop, { diller: clientFor(shop) });
    await reads.segments(shop);

    expect(opened).toEqual([shop.shop]);
  });

  it("clear drops every read", async () => {
    const { reads } = service();
    const shop = await connectedShop("cleared.myshopify.com");
    await reads.store(shop);

    reads.clear();
    await reads.store(shop);

    expect(storeCalls()).toBe(2);
  });
});

describe("oldestRead", () => {
  it("is the earliest of the reads' times", () => {
    const at = (iso: string) => ({ value: null, loadedAt: new Date(iso) });
    expect(oldestRead(at("2026-01-02T00:00:00Z"), at("2026-01-01T00:00:00Z"), at("2026-01-03T00:00:00Z"))).toEqual(
      new Date("2026-01-01T00:00:00Z"),
    );
  });
});
