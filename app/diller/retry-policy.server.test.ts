import { describe, expect, it } from "vitest";

import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  isAmbiguousFailure,
  parseRetryAfterMs,
  retryOptionsWithDefaults,
  type AttemptFailure,
  type RetryClass,
} from "./retry-policy.server";

const options = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 30_000 };
const half = () => 0.5;

const timeout: AttemptFailure = { kind: "network", requestSent: true, timedOut: true };
const reset: AttemptFailure = { kind: "network", requestSent: true, timedOut: false };
const refused: AttemptFailure = { kind: "network", requestSent: false, timedOut: false };
const status = (code: number, retryAfterMs?: number): AttemptFailure => ({
  kind: "status",
  status: code,
  retryAfterMs,
});
const tokenDown: AttemptFailure = { kind: "token", transient: true };
const tokenRefused: AttemptFailure = { kind: "token", transient: false };

describe("decideRetry: which failures are re-sent, per retry class", () => {
  const R = (delayMs: number) => ({ action: "retry", delayMs });
  const GIVE_UP = { action: "give-up" };
  const AMBIGUOUS = { action: "ambiguous" };

  it.each<[string, RetryClass, AttemptFailure, object]>([
    // Safe to repeat: every transient failure is retried.
    ["timeout", "idempotent", timeout, R(50)],
    ["connection reset", "idempotent", reset, R(50)],
    ["connection refused", "idempotent", refused, R(50)],
    ["502", "idempotent", status(502), R(50)],
    ["503", "idempotent", status(503), R(50)],
    ["504", "idempotent", status(504), R(50)],
    ["429", "idempotent", status(429), R(50)],
    ["token endpoint down", "idempotent", tokenDown, R(50)],
    ["500", "idempotent", status(500), GIVE_UP],
    ["400", "idempotent", status(400), GIVE_UP],
    ["404", "idempotent", status(404), GIVE_UP],
    ["token refused", "idempotent", tokenRefused, GIVE_UP],
    // createTransaction: a repeat is recognised as a duplicate, so ambiguous failures are retried.
    ["timeout", "deduplicated", timeout, R(50)],
    ["connection reset", "deduplicated", reset, R(50)],
    ["502", "deduplicated", status(502), R(50)],
    ["400", "deduplicated", status(400), GIVE_UP],
    // Unsafe: only failures that certainly did not act are retried.
    ["timeout", "unsafe", timeout, AMBIGUOUS],
    ["connection reset", "unsafe", reset, AMBIGUOUS],
    ["502", "unsafe", status(502), AMBIGUOUS],
    ["504", "unsafe", status(504), AMBIGUOUS],
    ["connection refused", "unsafe", refused, R(50)],
    ["503", "unsafe", status(503), R(50)],
    ["429", "unsafe", status(429), R(50)],
    ["token endpoint down", "unsafe", tokenDown, R(50)],
    ["500", "unsafe", status(500), GIVE_UP],
  ])("%s on a %s operation → %j", (_name, retryClass, failure, expected) => {
    expect(decideRetry({ retryClass, failure, attempt: 1, options, random: half })).toEqual(expected);
  });

  it("gives up after maxAttempts, but still reports an unsafe ambiguous failure as ambiguous", () => {
    expect(decideRetry({ retryClass: "idempotent", failure: status(503), attempt: 3, options, random: half })).toEqual({
      action: "give-up",
    });
    expect(decideRetry({ retryClass: "unsafe", failure: timeout, attempt: 3, options, random: half })).toEqual({
      action: "ambiguous",
    });
  });

  it.each([
    [status(429, 2_000), { action: "retry", delayMs: 2_000 }],
    [status(503, 0), { action: "retry", delayMs: 0 }],
    [status(429, 30_000), { action: "retry", delayMs: 30_000 }],
    [status(429, 30_001), { action: "give-up" }],
    [{ kind: "token", transient: true, retryAfterMs: 5_000 } as const, { action: "retry", delayMs: 5_000 }],
  ])("honours Retry-After up to the cap: %j → %j", (failure, expected) => {
    expect(decideRetry({ retryClass: "unsafe", failure, attempt: 1, options, random: half })).toEqual(expected);
  });

  it("marks ambiguity independently of the retry class", () => {
    expect(
      [timeout, reset, refused, status(502), status(503), status(504), status(429), tokenDown].map(isAmbiguousFailure),
    ).toEqual([true, true, false, true, false, true, false, false]);
  });
});

describe("backoffDelayMs: exponential ceiling, full jitter", () => {
  it.each([
    // attempt, random, expected: ceiling = min(1000, 100 * 2^(attempt-1))
    [1, 0, 0],
    [1, 0.5, 50],
    [1, 0.999, 99],
    [2, 0.5, 100],
    [3, 0.5, 200],
    [4, 0.5, 400],
    [5, 0.5, 500],
    [6, 0.5, 500],
    [10, 0.999, 999],
    [1, 1.7, 100],
    [1, -1, 0],
  ])("attempt %s, random %s → %s ms", (attempt, random, expected) => {
    expect(backoffDelayMs(attempt, options, () => random)).toBe(expected);
  });

  it("defaults to 3 attempts, delays from 250 ms up to 4 s, and a Retry-After of at most 30 s", () => {
    expect(DEFAULT_RETRY_OPTIONS).toEqual({
      maxAttempts: 3,
      baseDelayMs: 250,
      maxDelayMs: 4000,
      maxRetryAfterMs: 30_000,
    });
  });
});

describe("parseRetryAfterMs", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it.each([
    ["0", 0],
    ["5", 5000],
    [" 120 ", 120_000],
    ["1.5", 1500],
    ["Sun, 01 Mar 2026 12:00:10 GMT", 10_000],
    ["Sunday, 01-Mar-26 12:01:00 GMT", 60_000],
    ["Sun, 01 Mar 2026 11:59:00 GMT", 0],
    ["-5", undefined],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%j → %s", (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });
});

describe("retryOptionsWithDefaults", () => {
  it.each([
    [{}, DEFAULT_RETRY_OPTIONS],
    [{ maxAttempts: 5 }, { ...DEFAULT_RETRY_OPTIONS, maxAttempts: 5 }],
    [{ maxAttempts: 0 }, { ...DEFAULT_RETRY_OPTIONS, maxAttempts: 1 }],
    [{ maxAttempts: 2.7 }, { ...DEFAULT_RETRY_OPTIONS, maxAttempts: 2 }],
    [
      { maxAttempts: Number.NaN, baseDelayMs: -5 },
      { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 0 },
    ],
    [{ maxDelayMs: Number.POSITIVE_INFINITY }, DEFAULT_RETRY_OPTIONS],
  ])("%j → %j", (overrides, expected) => {
    expect(retryOptionsWithDefaults(overrides)).toEqual(expected);
  });
});
