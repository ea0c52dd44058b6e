import { createHash } from "node:crypto";

/**
 * Access tokens, shared by every client of the same connection in this process. Keyed by base URL,
 * store id and a fingerprint of the API key: a client built with a new key (e.g. the admin testing
 * changed credentials) never reuses a token issued for the old one.
 */

/** Refresh this long before expiry… */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

export interface CachedToken {
  accessToken: string;
  /** Epoch milliseconds when Diller stops accepting the token (as announced by `expires_in`). */
  expiresAtMs: number;
  /** Epoch milliseconds from which a new token is fetched instead. */
  refreshAtMs: number;
}

/**
 * …but never later than half the lifetime, so that a short-lived token (under two minutes) is still
 * used for a while instead of being refreshed on every call.
 */
export function tokenRefreshAtMs(issuedAtMs: number, lifetimeSeconds: number): number {
  const lifetimeMs = lifetimeSeconds * 1000;
  return issuedAtMs + lifetimeMs - Math.min(TOKEN_REFRESH_MARGIN_MS, lifetimeMs / 2);
}

export interface DillerTokenCache {
  /** The cached token if it is not due for refresh at `nowMs`. */
  fresh(key: string, nowMs: number): CachedToken | undefined;
  /** Drops the cached token; with `accessToken`, only if it is still that token. */
  invalidate(key: string, accessToken?: string): void;
  /**
   * Runs `request` unless one is already running for `key`, in which case its result is shared
   * (single flight): N concurrent callers with a cold cache cause one token request.
   */
  obtain(key: string, request: () => Promise<CachedToken>): Promise<CachedToken>;
}

export function createTokenCache(): DillerTokenCache {
  const tokens = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<CachedToken>>();
  return {
    fresh(key, nowMs) {
      const token = tokens.get(key);
      return token && nowMs < token.refreshAtMs ? token : undefined;
    },
    invalidate(key, accessToken) {
      if (accessToken === undefined || tokens.get(key)?.accessToken === accessToken) tokens.delete(key);
    },
    obtain(key, request) {
      const running = pending.get(key);
      if (running) return running;
      const started = request()
        .then((token) => {
          tokens.set(key, token);
          return token;
        })
        .finally(() => pending.delete(key));
      pending.set(key, started);
      return started;
    },
  };
}

/**
 * The cache of clients built without one (scripts, tests). The app passes its own, created by the
 * composition root (app/shops/diller-access.server.ts).
 */
export const sharedTokenCache: DillerTokenCache = createTokenCache();

export function tokenCacheKey(baseUrl: string, storeId: string, apiKey: string): string {
  const keyFingerprint = createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  return `${baseUrl}|${storeId}|${keyFingerprint}`;
}
