import { describe, expect, it } from "vitest";

import {
  createTokenCache,
  TOKEN_REFRESH_MARGIN_MS,
  tokenCacheKey,
  tokenRefreshAtMs,
  type CachedToken,
} from "./token-cache.server";

describe("tokenRefreshAtMs", () => {
  it.each([
    // lifetime s → refresh after s: 60 s before expiry, but never later than half the lifetime
    [3600, 3540],
    [300, 240],
    [120, 60],
    [100, 50],
    [60, 30],
    [2, 1],
  ])("a %s s token is refreshed after %s s", (lifetime, refreshAfter) => {
    expect(tokenRefreshAtMs(1_000_000, lifetime)).toBe(1_000_000 + refreshAfter * 1000);
  });

  it("uses a one-minute margin", () => {
    expect(TOKEN_REFRESH_MARGIN_MS).toBe(60_000);
  });
});

describe("createTokenCache", () => {
  const token = (accessToken: string, refreshAtMs = 10_000): CachedToken => ({
    accessToken,
    refreshAtMs,
    expiresAtMs: refreshAtMs + 60_000,
  });

  it("serves a token until its refresh time", async () => {
    const cache = createTokenCache();
    await cache.obtain("k", async () => token("a", 10_000));
    expect(cache.fresh("k", 9_999)?.accessToken).toBe("a");
    expect(cache.fresh("k", 10_000)).toBeUndefined();
    expect(cache.fresh("other", 0)).toBeUndefined();
  });

  it("shares one request among concurrent callers (single flight)", async () => {
    // GIVEN a token request that has not finished
    const cache = createTokenCache();
    let calls = 0;
    let finish: (value: CachedToken) => void = () => {};
    const request = () => {
      calls += 1;
      return new Promise<CachedToken>((resolve) => (finish = resolve));
    };
    // WHEN 20 callers ask at once
    const waiting = Array.from({ length: 20 }, () => cache.obtain("k", request));
    finish(token("shared"));
    // THEN one request was made and all got its token
    expect((await Promise.all(waiting)).map((t) => t.accessToken)).toEqual(Array(20).fill("shared"));
    expect(calls).toBe(1);
  });

  it("does not keep a failed request, so the next caller tries again", async () => {
    const cache = createTokenCache();
    await expect(cache.obtain("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect((await cache.obtain("k", async () => token("b"))).accessToken).toBe("b");
  });

  it("invalidates only the token that was rejected", async () => {
    const cache = createTokenCache();
    await cache.obtain("k", async () => token("new"));
    cache.invalidate("k", "old");
    expect(cache.fresh("k", 0)?.accessToken).toBe("new");
    cache.invalidate("k", "new");
    expect(cache.fresh("k", 0)).toBeUndefined();
  });

  it("keys by base URL, store id and a fingerprint of the API key (never the key itself)", () => {
    const key = tokenCacheKey("https://api.diller.app", "store-1", "secret-key");
    expect(key).not.toContain("secret-key");
    expect(key).toMatch(/^https:\/\/api\.diller\.app\|store-1\|[0-9a-f]{16}$/);
    expect(tokenCacheKey("https://api.diller.app", "store-1", "other-key")).not.toBe(key);
  });
});
