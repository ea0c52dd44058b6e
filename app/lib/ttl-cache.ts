/**
 * A small in-memory cache with a time to live, for the members' Diller data that checkout and the
 * customer account show (the store's settings have their own service,
 * app/shops/diller-store-reads.server.ts). Concurrent misses share one load; a failed load is not
 * cached. Per process: with several instances a merchant may see data up to `ttlMs` old, which is
 * the point.
 */
export interface TtlCache<Value> {
  get(key: string, load: () => Promise<Value>): Promise<{ value: Value; loadedAt: Date }>;
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
  const entries = new Map<string, { promise: Promise<{ value: Value; loadedAt: Date }>; expiresAt: number }>();

  return {
    get(key, load) {
      const current = entries.get(key);
      if (current && current.expiresAt > now()) return current.promise;
      const loadedAt = now();
      const promise = load().then((value) => ({ value, loadedAt: new Date(loadedAt) }));
      entries.set(key, { promise, expiresAt: loadedAt + ttlMs });
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
