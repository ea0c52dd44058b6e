import { randomUUID } from "node:crypto";

import packageJson from "../../package.json";
import { createLogger, type Logger } from "~/logger.server";

import { createTokenProvider } from "./auth.server";
import type { CallSlots } from "./call-slots.server";
import { parseDillerBaseUrl } from "./base-url.server";
import { checkStoreIdentity, connectionProblemOf, type ConnectionTestResult } from "./connection-test.server";
import { couponsApiFactory } from "./coupons.server";
import { checkHost, dillerEgressPolicy, guardFetch, type DillerEgressPolicy } from "./egress.server";
import { DillerConfigError } from "./errors.server";
import type { FetchLike } from "./http.server";
import { invitationsApiFactory } from "./invitations.server";
import { membersApiFactory } from "./members.server";
import { nonEligibleApiFactory } from "./non-eligible.server";
import { otpApiFactory } from "./otp.server";
import { retryOptionsWithDefaults, type RetryOptions } from "./retry-policy.server";
import { stampCardsApiFactory } from "./stamp-cards.server";
import { storesApiFactory } from "./stores.server";
import { sharedTokenCache, type DillerTokenCache } from "./token-cache.server";
import { transactionsApiFactory } from "./transactions.server";
import { createTransport } from "./transport.server";

/** Every call (token, discovery, API) is aborted after this long unless the client says otherwise. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export const DILLER_USER_AGENT = `DillerLoyaltyShopify/${packageJson.version}`;

export interface DillerClientOptions {
  /** `https://api.diller.app`, `https://api.prerelease.dillerapp.com`, or a loopback sandbox URL. */
  baseUrl: string;
  /** The Diller store id, which is also the OAuth client id. */
  storeId: string;
  /** The store's API key (the OAuth client secret). Never logged. */
  apiKey: string;
  fetch?: FetchLike;
  now?: () => Date;
  logger?: Logger;
  /** Defaults to the process-wide cache shared by all clients. */
  tokenCache?: DillerTokenCache;
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  userAgent?: string;
  /** Where requests may go; defaults to the process policy the composition root sets. */
  egress?: DillerEgressPolicy;
  /** The worker's bound on API calls in flight, shared by its clients (call-slots.server.ts). */
  callSlots?: CallSlots;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A client for one Diller connection (base URL + store id + API key). Throws `DillerConfigError`
 * before any request when the base URL is invalid, insecure (plain http off loopback) or a
 * credential is empty. Behaviour: docs/diller.md.
 */
export function createDillerClient(options: DillerClientOptions) {
  const endpoint = parseDillerBaseUrl(options.baseUrl);
  const storeId = options.storeId.trim();
  const apiKey = options.apiKey.trim();
  if (storeId === "" || apiKey === "") {
    throw new DillerConfigError("The Diller store id and API key are both required.", {
      reason: "missing-credentials",
    });
  }
  const egress = options.egress ?? dillerEgressPolicy();
  checkHost(new URL(endpoint.baseUrl).hostname, egress);
  const fetch = guardFetch(options.fetch ?? ((url, init) => globalThis.fetch(url, init)), egress);
  const now = options.now ?? (() => new Date());
  const timeoutMs =
    options.timeoutMs !== undefined && Number.isFinite(options.timeoutMs) && options.timeoutMs > 0
      ? options.timeoutMs
      : DEFAULT_TIMEOUT_MS;
  const userAgent = options.userAgent ?? DILLER_USER_AGENT;
  const logger = (options.logger ?? createLogger()).child({ component: "diller", dillerStoreId: storeId });

  const tokens = createTokenProvider({
    endpoint,
    storeId,
    apiKey,
    fetch,
    timeoutMs,
    userAgent,
    logger,
    now,
    cache: options.tokenCache ?? sharedTokenCache,
  });
  const transport = createTransport({
    endpoint,
    storeId,
    fetch,
    tokens,
    timeoutMs,
    retry: retryOptionsWithDefaults(options.retry),
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    now,
    logger,
    userAgent,
    ...(options.callSlots ? { callSlots: options.callSlots } : {}),
  });
  const stores = storesApiFactory({ transport });

  return {
    baseUrl: endpoint.baseUrl,
    storeId,
    stores,
    members: membersApiFactory({ transport }),
    otp: otpApiFactory({ transport }),
    coupons: couponsApiFactory({ transport }),
    stampCards: stampCardsApiFactory({ transport }),
    transactions: transactionsApiFactory({ transport }),
    invitations: invitationsApiFactory({ transport }),
    nonEligibleProducts: nonEligibleApiFactory({ transport }),

    /**
     * `requestAccessToken`: makes sure a token is at hand (from the cache unless `forceRefresh`).
     * Returns only its expiry; the token itself never leaves the client.
     */
    async authenticate({ forceRefresh = false }: { forceRefresh?: boolean } = {}): Promise<{ expiresAt: Date }> {
      const token = await tokens.getToken({ correlationId: randomUUID(), forceRefresh });
      return { expiresAt: new Date(token.expiresAtMs) };
    },

    /**
     * For the admin's "test connection": a fresh token (never a cached one), then `GET /stores/{storeId}`,
     * whose `id` must be the configured store id. Never throws for Diller failures.
     */
    async testConnection(): Promise<ConnectionTestResult> {
      try {
        await tokens.getToken({ correlationId: randomUUID(), forceRefresh: true });
        return checkStoreIdentity(await stores.getStore(), storeId);
      } catch (error) {
        return connectionProblemOf(error, { baseUrl: endpoint.baseUrl, timeoutMs });
      }
    },
  };
}

export type DillerClient = ReturnType<typeof createDillerClient>;

/** What a connection test needs: where Diller is and the credentials to try. */
export type ConnectionTarget = Pick<DillerClientOptions, "baseUrl" | "storeId" | "apiKey">;

/** "Test connection" as a dependency: built once by the composition root, used by the admin and the CLI. */
export interface ConnectionTester {
  /** How long the test waits for Diller (the merchant is told "did not answer within N seconds"). */
  timeoutMs: number;
  test(target: ConnectionTarget, context?: { shop?: string }): Promise<ConnectionTestResult>;
}

/** A connection tester with the injected logger, fetch, timeout and retry policy. */
export function createConnectionTester(
  options: Omit<DillerClientOptions, keyof ConnectionTarget> = {},
): ConnectionTester {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    timeoutMs,
    test: (target, { shop } = {}) =>
      testDillerConnection({
        ...options,
        ...target,
        ...(shop && options.logger ? { logger: options.logger.child({ shop }) } : {}),
      }),
  };
}

/** `testConnection` for settings that may not even build a client (bad or insecure base URL). */
export async function testDillerConnection(options: DillerClientOptions): Promise<ConnectionTestResult> {
  let client: DillerClient;
  try {
    client = createDillerClient(options);
  } catch (error) {
    return connectionProblemOf(error, { baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  }
  return client.testConnection();
}
