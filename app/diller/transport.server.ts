import { randomUUID } from "node:crypto";

import type { Logger } from "~/logger.server";

import type { TokenProvider } from "./auth.server";
import type { DillerEndpoint } from "./base-url.server";
import type { CallSlots } from "./call-slots.server";
import {
  DillerAmbiguousFailureError,
  DillerAuthError,
  DillerError,
  DillerInvalidInputError,
  DillerNetworkError,
  DillerRateLimitError,
  DillerServerError,
  DillerUnexpectedResponseError,
  errorFromResponse,
} from "./errors.server";
import { exchange, parseJsonBody, type FetchLike, type RawResponse } from "./http.server";
import {
  DILLER_OPERATIONS,
  type DillerOperationId,
  type PathParamsOf,
  type QueryOf,
  type RequestBodyOf,
} from "./operations.server";
import { decideRetry, parseRetryAfterMs, type AttemptFailure, type RetryOptions } from "./retry-policy.server";

export interface TransportOptions {
  endpoint: DillerEndpoint;
  storeId: string;
  fetch: FetchLike;
  tokens: TokenProvider;
  timeoutMs: number;
  retry: RetryOptions;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => Date;
  logger: Logger;
  userAgent: string;
  newCorrelationId?: () => string;
  /** Bounds the API calls in flight (the worker's; call-slots.server.ts). Token requests take none. */
  callSlots?: CallSlots;
}

export interface CallRequest<Id extends DillerOperationId> {
  path?: PathParamsOf<Id>;
  query?: QueryOf<Id>;
  body?: RequestBodyOf<Id>;
}

export interface CallResult {
  status: number;
  /** Parsed JSON; undefined for an empty body. Parse it with the operation's zod schema. */
  body: unknown;
  correlationId: string;
}

export interface DillerTransport {
  call<Id extends DillerOperationId>(operationId: Id, request?: CallRequest<Id>): Promise<CallResult>;
}

type AttemptOutcome =
  | { kind: "success"; status: number; body: unknown }
  | { kind: "rejected-token"; accessToken: string; error: DillerError }
  | { kind: "failure"; failure: AttemptFailure; error: DillerError };

/**
 * Sends one logical API call: token, timeout, retries by the operation's retry class, one token
 * refresh after a 401, error mapping and one log line per HTTP attempt. The same correlation id goes
 * out as `X-Correlation-Id` on every attempt of the call.
 */
export function createTransport(options: TransportOptions): DillerTransport {
  const { endpoint, storeId, tokens, logger, retry } = options;
  const newCorrelationId = options.newCorrelationId ?? randomUUID;

  async function attemptOnce(
    operationId: DillerOperationId,
    url: string,
    body: unknown,
    correlationId: string,
    attempt: number,
  ): Promise<AttemptOutcome> {
    const spec = DILLER_OPERATIONS[operationId];
    let accessToken: string;
    try {
      accessToken = (await tokens.getToken({ correlationId, attempt })).accessToken;
    } catch (error) {
      if (!(error instanceof DillerError)) throw error;
      return { kind: "failure", error, failure: tokenFailure(error) };
    }
    const headers: Record<string, string> = {
      accept: "application/json",
      authorization: `Bearer ${accessToken}`,
      "user-agent": options.userAgent,
      "x-correlation-id": correlationId,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const logFields = { operationId, method: spec.method, path: spec.path, attempt, correlationId };
    const started = performance.now();
    let raw: RawResponse;
    try {
      raw = await exchange({
        fetch: options.fetch,
        url,
        init: { method: spec.method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
        timeoutMs: options.timeoutMs,
        operationId,
        correlationId,
        slots: options.callSlots,
      });
    } catch (error) {
      if (!(error instanceof DillerNetworkError)) throw error;
      const failure = error.timedOut ? "timeout" : "network";
      logger.warn("diller call", { ...logFields, status: 0, failure, durationMs: elapsed(started) });
      return {
        kind: "failure",
        error,
        failure: { kind: "network", requestSent: error.ambiguous, timedOut: error.timedOut },
      };
    }
    const durationMs = elapsed(started);
    const parsed = parseJsonBody(raw.bodyText);
    if (raw.status >= 200 && raw.status < 300) {
      logger.info("diller call", { ...logFields, status: raw.status, durationMs });
      if ("noResponseBody" in spec) return { kind: "success", status: raw.status, body: undefined };
      if (!parsed.ok) {
        throw new DillerUnexpectedResponseError({
          operationId,
          correlationId,
          status: raw.status,
          problem: "the body is not JSON",
        });
      }
      return { kind: "success", status: raw.status, body: parsed.value };
    }
    logger.warn("diller call", { ...logFields, status: raw.status, durationMs });
    const error = errorFromResponse({
      operationId,
      correlationId,
      status: raw.status,
      headers: raw.headers,
      body: parsed.ok ? parsed.value : raw.bodyText,
      now: options.now(),
    });
    if (raw.status === 401) return { kind: "rejected-token", accessToken, error };
    // Retry-After is honoured on 429 and on 503 (RFC 9110 allows it on both).
    const retryAfterMs =
      raw.status === 429 || raw.status === 503
        ? parseRetryAfterMs(raw.headers.get("retry-after"), options.now())
        : undefined;
    return { kind: "failure", error, failure: { kind: "status", status: raw.status, retryAfterMs } };
  }

  return {
    async call(operationId, request = {}) {
      const spec = DILLER_OPERATIONS[operationId];
      const url = buildUrl(endpoint.baseUrl, operationId, spec.path, storeId, request.path, request.query);
      const correlationId = newCorrelationId();
      let attempt = 0;
      let refreshedAfter401 = false;
      for (;;) {
        attempt += 1;
        const outcome = await attemptOnce(operationId, url, request.body, correlationId, attempt);
        if (outcome.kind === "success") return { status: outcome.status, body: outcome.body, correlationId };
        if (outcome.kind === "rejected-token") {
          // An expired or revoked token: fetch a new one and repeat the call once. The API turned
          // the request away before acting on it, so this is safe for every operation.
          if (refreshedAfter401) throw outcome.error;
          refreshedAfter401 = true;
          tokens.invalidate(outcome.accessToken);
          continue;
        }
        const decision = decideRetry({
          retryClass: spec.retry,
          failure: outcome.failure,
          attempt: refreshedAfter401 ? attempt - 1 : attempt,
          options: retry,
          random: options.random,
        });
        if (decision.action === "ambiguous") {
          throw new DillerAmbiguousFailureError({ operationId, correlationId }, outcome.error);
        }
        if (decision.action === "give-up") throw outcome.error;
        await options.sleep(decision.delayMs);
      }
    },
  };
}

/** Token failures happen before anything is sent to the API, so they are never ambiguous. */
function tokenFailure(error: DillerError): AttemptFailure {
  if (error instanceof DillerAuthError) return { kind: "token", transient: false };
  if (error instanceof DillerRateLimitError)
    return { kind: "token", transient: true, retryAfterMs: error.retryAfterMs };
  return { kind: "token", transient: error instanceof DillerNetworkError || error instanceof DillerServerError };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** Fills the path template (each value URL-encoded: coupon codes may hold spaces or slashes) and the query. */
export function buildUrl(
  baseUrl: string,
  operationId: string,
  template: string,
  storeId: string,
  pathParams: unknown,
  query: unknown,
): string {
  const values = new Map<string, unknown>(entriesOf(pathParams));
  values.set("storeId", storeId);
  const path = template.replace(/\{(\w+)\}/g, (_placeholder, name: string) =>
    encodeURIComponent(pathValue(operationId, name, values.get(name))),
  );
  const search = new URLSearchParams();
  for (const [name, value] of entriesOf(query)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new DillerInvalidInputError(operationId, name, "must be a string, number or boolean");
    }
    search.set(name, String(value));
  }
  const queryString = search.toString();
  return `${baseUrl}${path}${queryString ? `?${queryString}` : ""}`;
}

function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === "object" && value !== null ? Object.entries(value) : [];
}

function pathValue(operationId: string, name: string, value: unknown): string {
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new DillerInvalidInputError(operationId, name, "must be an integer");
    return String(value);
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw new DillerInvalidInputError(operationId, name, "is required");
  }
  return value;
}
