import type { StorefrontError } from "@diller/storefront-contract";

import { parseStorefrontError } from "./errors";

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: StorefrontError };

export interface StorefrontClientOptions {
  /** Absolute origin of the app ("https://loyalty.example.com"). */
  appUrl: string;
  /** `shopify.sessionToken.get` — a fresh token per call: they live five minutes. */
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  /** Checkout must never wait on us for long; a slow answer counts as "unavailable". */
  timeoutMs?: number;
}

export interface StorefrontClient {
  get<T>(path: string): Promise<ApiResult<T>>;
  post<T>(path: string, body: unknown): Promise<ApiResult<T>>;
}

export const DEFAULT_TIMEOUT_MS = 8000;

/**
 * The one way extensions call the app: bearer session token, absolute URL, JSON, a timeout, and every
 * failure (network, timeout, bad JSON, error body) turned into a contract `StorefrontError`. Never throws.
 */
export function createStorefrontClient(options: StorefrontClientOptions): StorefrontClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<ApiResult<T>> {
    let token: string;
    try {
      token = await options.getToken();
    } catch {
      return { ok: false, error: { code: "unauthenticated" } };
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const doFetch = options.fetch ?? globalThis.fetch;
      const response = await doFetch(joinUrl(options.appUrl, path), {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const json: unknown = await response.json().catch(() => undefined);
      if (!response.ok) return { ok: false, error: parseStorefrontError(response.status, json) };
      if (json === undefined) return { ok: false, error: { code: "unavailable" } };
      // The server validates with zod and answers the contract's shapes (packages/storefront-contract).
      const data: T = json as T;
      return { ok: true, data };
    } catch {
      // Network failure, CORS-less 401 from the framework, or our own timeout.
      return { ok: false, error: { code: "unavailable" } };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body),
  };
}

export function joinUrl(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
