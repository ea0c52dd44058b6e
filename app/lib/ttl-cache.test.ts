import { describe, expect, it } from "vitest";

import { createTtlCache } from "./ttl-cache";

describe("createTtlCache", () => {
  it("reuses a value until it expires, sharing one load between concurrent callers", async () => {
    let now = 0;
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 60_000, now: () => now });
    const load = async () => ++loads;

    const [a, b] = await Promise.all([cache.get("shop", load), cache.get("shop", load)]);
    expect([a.value, b.value, loads]).toEqual([1, 1, 1]);
    now = 59_999;
    expect((await cache.get("shop", load)).value).toBe(1);
    now = 60_000;
    expect((await cache.get("shop", load)).value).toBe(2);
    expect((await cache.get("shop", load)).loadedAt).toEqual(new Date(60_000));
  });

  it("does not keep a failed load", async () => {
    const cache = createTtlCache<string>({ ttlMs: 60_000 });
    await expect(cache.get("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect((await cache.get("k", async () => "up")).value).toBe("up");
  });

  it("forgets by prefix, and keeps at most maxEntries", async () => {
    const cache = createTtlCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    await cache.get("a|1", async () => "a1");
    await cache.get("b|1", async () => "b1");
    cache.invalidate("a|");
    expect((await cache.get("a|1", async () => "a1 again")).value).toBe("a1 again");
    await cache.get("c|1", async () => "c1");
    // "b|1" was the oldest entry and made room.
    expect((await cache.get("b|1", async () => "b1 again")).value).toBe("b1 again");
  });
});
