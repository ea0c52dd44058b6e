/**
 * When a failed Diller call is sent again, and after how long. Pure functions: the transport feeds
 * them the failure, the operation's retry class and the attempt number (docs/diller.md, "Retries").
 */

/**
 * - `idempotent`: repeating the request cannot change the outcome (GETs, PUTs, DELETEs, cancels).
 * - `deduplicated`: a repeat is recognised by Diller (createTransaction, keyed by `external_id`; a
 *   repeat is answered "duplicate", which the client reports as done).
 * - `unsafe`: a repeat could act twice (create a second member, send a second SMS). Re-sent only
 *   when the first request certainly did not take effect (refused connection, 429, 503, 401).
 */
export type RetryClass = "idempotent" | "deduplicated" | "unsafe";

export interface RetryOptions {
  /** Attempts in total, including the first. */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles per retry up to `maxDelayMs` (full jitter below it). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer `Retry-After` is not waited out in-process: the rate-limit error goes to the caller. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 30_000,
};

/** Fills in defaults and keeps the numbers usable (at least one attempt, no negative or NaN delays). */
export function retryOptionsWithDefaults(overrides: Partial<RetryOptions> = {}): RetryOptions {
  const pick = (key: keyof RetryOptions, minimum: number) => {
    const value = overrides[key];
    return value !== undefined && Number.isFinite(value) ? Math.max(minimum, value) : DEFAULT_RETRY_OPTIONS[key];
  };
  return {
    maxAttempts: Math.floor(pick("maxAttempts", 1)),
    baseDelayMs: pick("baseDelayMs", 0),
    maxDelayMs: pick("maxDelayMs", 0),
    maxRetryAfterMs: pick("maxRetryAfterMs", 0),
  };
}

export type AttemptFailure =
  /** No HTTP answer. `requestSent` is false only when the connection was never established. */
  | { kind: "network"; requestSent: boolean; timedOut: boolean }
  /** An HTTP answer with a status that is not a success. */
  | { kind: "status"; status: number; retryAfterMs?: number }
  /** No token could be obtained, so nothing was sent to the API; `transient` as for the above. */
  | { kind: "token"; transient: boolean; retryAfterMs?: number };

const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/**
 * 502 and 504 come from a gateway that may have forwarded the request before failing; 503 and 429
 * are taken to mean the request was turned away unprocessed (assumption, docs/diller.md).
 */
const AMBIGUOUS_STATUSES = new Set([502, 504]);

/** A failure after which the request may have taken effect. */
export function isAmbiguousFailure(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case "network":
      return failure.requestSent || failure.timedOut;
    case "status":
      return AMBIGUOUS_STATUSES.has(failure.status);
    case "token":
      return false;
  }
}

/** A failure that may go away by itself. */
export function isTransientFailure(failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case "network":
      return true;
    case "status":
      return TRANSIENT_STATUSES.has(failure.status);
    case "token":
      return failure.transient;
  }
}

export type RetryDecision =
  | { action: "retry"; delayMs: number }
  | { action: "give-up" }
  /** Not re-sent although transient: the operation is unsafe and may have been applied. */
  | { action: "ambiguous" };

export function decideRetry({
  retryClass,
  failure,
  attempt,
  options,
  random,
}: {
  retryClass: RetryClass;
  failure: AttemptFailure;
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  options: RetryOptions;
  random: () => number;
}): RetryDecision {
  if (!isTransientFailure(failure)) return { action: "give-up" };
  if (retryClass === "unsafe" && isAmbiguousFailure(failure)) return { action: "ambiguous" };
  if (attempt >= options.maxAttempts) return { action: "give-up" };
  const retryAfterMs = failure.kind === "network" ? undefined : failure.retryAfterMs;
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > options.maxRetryAfterMs) return { action: "give-up" };
    return { action: "retry", delayMs: retryAfterMs };
  }
  return { action: "retry", delayMs: backoffDelayMs(attempt, options, random) };
}

/**
 * Exponential backoff with full jitter (a uniformly random delay below the exponential ceiling),
 * so that clients that failed together do not retry together.
 */
export function backoffDelayMs(
  attempt: number,
  { baseDelayMs, maxDelayMs }: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs">,
  random: () => number,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or invalid. */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}
