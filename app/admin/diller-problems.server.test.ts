import { describe, expect, it } from "vitest";

import {
  DillerAmbiguousFailureError,
  DillerAuthError,
  DillerConfigError,
  DillerNetworkError,
  DillerNotFoundError,
  DillerRateLimitError,
  DillerServerError,
  DillerUnexpectedResponseError,
  DillerValidationError,
} from "~/diller/errors.server";
import type { ConnectionProblem } from "~/diller/connection-test.server";
import { isMessageKey } from "~/i18n/translate";
import { DecryptionError } from "~/security/encryption.server";

import { connectionProblemMessage, dillerProblemOf } from "./diller-problems.server";

const ids = { operationId: "getSegments", correlationId: "corr-1" };
const network = new DillerNetworkError({ ...ids, timedOut: true, ambiguous: true });

describe("dillerProblemOf", () => {
  it.each([
    {
      error: new DillerConfigError("bad", { reason: "insecure-base-url" }),
      key: "errors.diller.config",
      reference: undefined,
    },
    { error: new DillerAuthError({ ...ids, status: 401 }), key: "errors.diller.auth", reference: "corr-1" },
    { error: new DillerRateLimitError({ ...ids, status: 429 }), key: "errors.diller.rateLimited", reference: "corr-1" },
    { error: network, key: "errors.diller.network", reference: "corr-1" },
    { error: new DillerAmbiguousFailureError(ids, network), key: "errors.diller.network", reference: "corr-1" },
    {
      error: new DillerServerError({ ...ids, status: 500, requestId: "diller-7" }),
      key: "errors.diller.server",
      reference: "corr-1 / diller-7",
    },
    { error: new DillerNotFoundError({ ...ids, status: 404 }), key: "errors.diller.notFound", reference: "corr-1" },
    { error: new DillerValidationError({ ...ids, status: 400 }), key: "errors.diller.rejected", reference: "corr-1" },
    {
      error: new DillerUnexpectedResponseError({ ...ids, problem: "not JSON" }),
      key: "errors.diller.unexpected",
      reference: "corr-1",
    },
  ])("$error.name → $key", ({ error, key, reference }) => {
    expect(dillerProblemOf(error)).toEqual(reference ? { message: { key }, reference } : { message: { key } });
  });

  it("explains a saved key that cannot be decrypted any more", () => {
    expect(dillerProblemOf(new DecryptionError("gone"))).toEqual({ message: { key: "errors.keyUnreadable" } });
  });

  it("rethrows what is not a Diller error (a bug must not look like an outage)", () => {
    expect(() => dillerProblemOf(new TypeError("oops"))).toThrow("oops");
  });
});

describe("connectionProblemMessage", () => {
  const problems: ConnectionProblem[] = [
    "invalid-base-url",
    "insecure-base-url",
    "wrong-credentials",
    "unreachable",
    "timeout",
    "store-mismatch",
    "rate-limited",
    "server-error",
    "unexpected-response",
  ];

  it.each(problems)("%s has its own message", (problem) => {
    const entry = connectionProblemMessage({ problem }, { baseUrl: "https://api.diller.app", storeId: "s-1" });
    expect(isMessageKey(entry.key)).toBe(true);
  });

  it("gives every problem a different message", () => {
    const keys = problems.map(
      (problem) => connectionProblemMessage({ problem }, { baseUrl: "https://x", storeId: "s" }).key,
    );
    expect(new Set(keys).size).toBe(problems.length);
  });

  it("names the address, the store id and the timeout where they help", () => {
    const context = { baseUrl: "https://api.diller.app", storeId: "s-1", timeoutMs: 10_000 };
    expect(connectionProblemMessage({ problem: "unreachable" }, context).params).toEqual({
      baseUrl: "https://api.diller.app",
    });
    expect(connectionProblemMessage({ problem: "store-mismatch" }, context).params).toEqual({ storeId: "s-1" });
    expect(connectionProblemMessage({ problem: "timeout" }, context).params).toEqual({ seconds: 10 });
  });
});
