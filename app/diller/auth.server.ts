import { AsyncLocalStorage } from "node:async_hooks";

import * as oidc from "openid-client";

import type { Logger } from "~/logger.server";

import type { DillerEndpoint } from "./base-url.server";
import {
  DillerAuthError,
  DillerConfigError,
  type DillerError,
  DillerNetworkError,
  DillerUnexpectedResponseError,
  errorFromResponse,
  findDillerError,
} from "./errors.server";
import { exchange, parseJsonBody, toResponse, type FetchLike, type RawResponse } from "./http.server";
import { DISCOVERY_OPERATION, TOKEN_OPERATION } from "./operations.server";
import { OAuthErrorSchema, TokenResponseSchema } from "./schemas.server";
import { tokenCacheKey, tokenRefreshAtMs, type CachedToken, type DillerTokenCache } from "./token-cache.server";

/** The scope Diller's Retailer API expects (the SDK README's empty scope list is wrong). */
export const DILLER_SCOPE = "api.retailer";

export interface TokenProviderOptions {
  endpoint: DillerEndpoint;
  storeId: string;
  apiKey: string;
  fetch: FetchLike;
  timeoutMs: number;
  userAgent: string;
  logger: Logger;
  now: () => Date;
  cache: DillerTokenCache;
}

export interface TokenProvider {
  /** A valid token from the cache, or a new one (one request shared by concurrent callers). */
  getToken(options: { correlationId: string; attempt?: number; forceRefresh?: boolean }): Promise<CachedToken>;
  /** Forget a token the API rejected, so the next `getToken` fetches a new one. */
  invalidate(accessToken: string): void;
}

interface RequestContext {
  correlationId: string;
  attempt: number;
}

/**
 * Client-credentials tokens through openid-client: the store id is the client id, the API key the
 * secret, sent with HTTP Basic. The token endpoint comes from `{baseUrl}/.well-known/openid-configuration`
 * when Diller serves one, else `{baseUrl}/connect/token` (what the PHP SDK uses). Every request goes
 * through the injected fetch with the client's timeout, User-Agent and correlation id.
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { endpoint, storeId, apiKey, logger, now, cache } = options;
  const cacheKey = tokenCacheKey(endpoint.baseUrl, storeId, apiKey);
  const context = new AsyncLocalStorage<RequestContext>();
  // openid-client's own timeout (whole seconds) is a backstop; ours fires first.
  const openidTimeoutSeconds = Math.ceil(options.timeoutMs / 1000) + 5;
  let configuration: Promise<oidc.Configuration> | undefined;

  function openidFetch(operation: typeof TOKEN_OPERATION | typeof DISCOVERY_OPERATION): oidc.CustomFetch {
    return async (url, init) => {
      const { correlationId, attempt = 1 } = context.getStore() ?? {};
      const headers: Record<string, string> = { ...init.headers, "user-agent": options.userAgent };
      if (correlationId) headers["x-correlation-id"] = correlationId;
      const started = performance.now();
      const logFields = {
        operationId: operation.id,
        method: operation.method,
        path: operation.path,
        attempt,
        correlationId,
      };
      let raw: RawResponse;
      try {
        raw = await exchange({
          fetch: options.fetch,
          url,
          init: {
            method: init.method,
            headers,
            body: requestBody(init.body),
            redirect: init.redirect,
            signal: init.signal,
          },
          timeoutMs: options.timeoutMs,
          operationId: operation.id,
          correlationId,
        });
      } catch (error) {
        const failure = error instanceof DillerNetworkError && error.timedOut ? "timeout" : "network";
        logger.warn("diller call", { ...logFields, status: 0, failure, durationMs: elapsed(started) });
        throw error;
      }
      const refused = operation.id === TOKEN_OPERATION.id && raw.status !== 200;
      logger[refused ? "warn" : "info"]("diller call", {
        ...logFields,
        status: raw.status,
        durationMs: elapsed(started),
      });
      if (refused) throw tokenEndpointError(raw, correlationId, now());
      return toResponse(raw);
    };
  }

  function staticConfiguration(): oidc.Configuration {
    const config = new oidc.Configuration(
      { issuer: endpoint.baseUrl, token_endpoint: `${endpoint.baseUrl}${TOKEN_OPERATION.path}` },
      storeId,
      undefined,
      oidc.ClientSecretBasic(apiKey),
    );
    config[oidc.customFetch] = openidFetch(TOKEN_OPERATION);
    config.timeout = openidTimeoutSeconds;
    if (endpoint.allowInsecureRequests) oidc.allowInsecureRequests(config);
    return config;
  }

  async function discover(): Promise<oidc.Configuration> {
    let discovered: oidc.Configuration;
    try {
      discovered = await oidc.discovery(new URL(endpoint.baseUrl), storeId, undefined, oidc.ClientSecretBasic(apiKey), {
        [oidc.customFetch]: openidFetch(DISCOVERY_OPERATION),
        execute: endpoint.allowInsecureRequests ? [oidc.allowInsecureRequests] : [],
        timeout: openidTimeoutSeconds,
      });
    } catch (error) {
      // Unreachable or timing out: the token endpoint on the same host would fail the same way.
      const transportFailure = findDillerError(error);
      if (transportFailure instanceof DillerNetworkError) throw transportFailure;
      // 404, not JSON, not a valid document (e.g. issuer mismatch): use the SDK's fixed endpoint.
      logger.info("diller discovery document unusable, using the default token endpoint", {
        reason: openidErrorCode(error),
      });
      return staticConfiguration();
    }
    if (!discovered.serverMetadata().token_endpoint) return staticConfiguration();
    discovered[oidc.customFetch] = openidFetch(TOKEN_OPERATION);
    return discovered;
  }

  function loadConfiguration(): Promise<oidc.Configuration> {
    configuration ??= discover().catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  }

  async function requestToken(): Promise<CachedToken> {
    const config = await loadConfiguration();
    const issuedAtMs = now().getTime();
    let granted: unknown;
    try {
      granted = await oidc.clientCredentialsGrant(config, { scope: DILLER_SCOPE });
    } catch (error) {
      throw tokenGrantError(error);
    }
    const token = TokenResponseSchema.safeParse(granted);
    if (!token.success) {
      throw new DillerUnexpectedResponseError({
        operationId: TOKEN_OPERATION.id,
        status: 200,
        problem: "the token response lacks a usable access_token or expires_in",
        issues: token.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      });
    }
    return {
      accessToken: token.data.access_token,
      expiresAtMs: issuedAtMs + token.data.expires_in * 1000,
      refreshAtMs: tokenRefreshAtMs(issuedAtMs, token.data.expires_in),
    };
  }

  return {
    async getToken({ correlationId, attempt = 1, forceRefresh = false }) {
      if (forceRefresh) cache.invalidate(cacheKey);
      const cached = cache.fresh(cacheKey, now().getTime());
      if (cached) return cached;
      return cache.obtain(cacheKey, () => context.run({ correlationId, attempt }, requestToken));
    },
    invalidate(accessToken) {
      cache.invalidate(cacheKey, accessToken);
    },
  };
}

/** openid-client sends form bodies (URLSearchParams) for grants and none for discovery. */
function requestBody(body: oidc.CustomFetchOptions["body"]): string | undefined {
  if (body === undefined || body === null || typeof body === "string") return body ?? undefined;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer || body instanceof Uint8Array) return new TextDecoder().decode(body);
  throw new TypeError("Streaming request bodies are not supported by the Diller token request");
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** A non-200 token answer: 400/401/403 mean the store id or API key were refused. */
function tokenEndpointError(raw: RawResponse, correlationId: string | undefined, now: Date): DillerError {
  const parsed = parseJsonBody(raw.bodyText);
  const body = parsed.ok ? parsed.value : raw.bodyText;
  if (raw.status === 400 || raw.status === 401 || raw.status === 403) {
    const oauth = OAuthErrorSchema.safeParse(body);
    const oauthError = oauth.success ? oauth.data.error : undefined;
    return new DillerAuthError({
      operationId: TOKEN_OPERATION.id,
      correlationId,
      status: raw.status,
      oauthError,
      body,
      message:
        `Diller refused the store id / API key (HTTP ${raw.status}${oauthError ? ` ${oauthError}` : ""})` +
        (correlationId ? ` (correlation id ${correlationId})` : ""),
    });
  }
  return errorFromResponse({
    operationId: TOKEN_OPERATION.id,
    correlationId,
    status: raw.status,
    headers: raw.headers,
    body,
    now,
  });
}

/**
 * Maps what openid-client throws. Our fetch wrapper's errors arrive wrapped in its `ClientError`;
 * the rest means a 200 answer openid-client could not use. The original error is not attached: its
 * cause can hold the token response body.
 */
function tokenGrantError(error: unknown): DillerError {
  const ours = findDillerError(error);
  if (ours) return ours;
  const code = openidErrorCode(error);
  if (code === "OAUTH_TIMEOUT" || code === "OAUTH_ABORT") {
    return new DillerNetworkError({ operationId: TOKEN_OPERATION.id, timedOut: true, ambiguous: false, code });
  }
  if (code === "OAUTH_HTTP_REQUEST_FORBIDDEN") {
    return new DillerConfigError("The token endpoint Diller advertises is not https://.", {
      reason: "insecure-base-url",
    });
  }
  return new DillerUnexpectedResponseError({
    operationId: TOKEN_OPERATION.id,
    status: 200,
    problem: `the token response was not usable (${code ?? "unknown error"})`,
  });
}

function openidErrorCode(error: unknown): string | undefined {
  if (error instanceof oidc.ClientError) return error.code ?? error.message;
  return error instanceof Error ? error.name : undefined;
}
