/**
 * A small in-memory cache with a time to live: the members' Diller data that checkout and the
 * customer account show, and the store's settings (app/shops/diller-store-reads.server.ts).
 * Concurrent misses share one load; a failed load is not cached. Per process: with several
 * instances a merchant may see data up to `ttlMs` old, which is the point.
 */
export interface TtlCache<Value> {
  /** The cached value if it is younger than `maxAgeMs` (the cache's `ttlMs` when not said), else a new load. */
  get(
    key: string,
    load: () => Promise<Value>,
    options?: { maxAgeMs?: number },
  ): Promise<{ value: Value; loadedAt: Date }>;
  /** Forgets one key, or every key starting with `prefix` (e.g. everything of one shop). */
  invalidate(prefix: string): void;
  clear(): void;
}

export function createTtlCache<Value>({
  ttlMs,
  maxEntries = 500,
  now = () => Date.now(),
}: {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}): TtlCache<Value> {
  const entries = new Map<string, { promise: Promise<{ value: Value; loadedAt: Date }>; loadedAt: number }>();

  return {
    get(key, load, { maxAgeMs = ttlMs } = {}) {
      const current = entries.get(key);
      if (current && now() - current.loadedAt < maxAgeMs) return current.promise;
      const loadedAt = now();
      const promise = load().then((value) => ({ value, loadedAt: new Date(loadedAt) }));
      // Re-inserted, so the eviction below drops the least recently loaded key.
      entries.delete(key);
      entries.set(key, { promise, loadedAt });
      promise.catch(() => {
        if (entries.get(key)?.promise === promise) entries.delete(key);
      });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return promise;
    },
    invalidate(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
    clear() {
      entries.clear();
    },
  };
}
