import {
  DillerAuthError,
  DillerConfigError,
  DillerError,
  DillerNetworkError,
  DillerNotFoundError,
  DillerRateLimitError,
  DillerServerError,
} from "./errors.server";
import type { StoreResponse } from "./schemas.server";

export type ConnectionProblem =
  | "invalid-base-url"
  | "insecure-base-url"
  | "wrong-credentials"
  | "unreachable"
  | "timeout"
  | "store-mismatch"
  | "rate-limited"
  | "server-error"
  | "unexpected-response";

/** What the admin "test connection" button shows. `message` is safe to display (no secrets). */
export type ConnectionTestResult =
  | { ok: true; store: StoreResponse }
  | { ok: false; problem: ConnectionProblem; message: string; correlationId?: string };

/**
 * Compares the store Diller returns with the configured store id. Ids are compared ignoring case
 * and surrounding spaces (GUID-like ids are case-insensitive).
 */
export function checkStoreIdentity(store: StoreResponse, expectedStoreId: string): ConnectionTestResult {
  const returned = store.id?.trim().toLowerCase();
  if (returned === expectedStoreId.trim().toLowerCase()) return { ok: true, store };
  return {
    ok: false,
    problem: "store-mismatch",
    message: `Diller answered for a different store (${store.id ?? "no id"}) than the configured store id ${expectedStoreId}.`,
  };
}

/** Turns what a failed connection test threw into a result; rethrows what is not a Diller error (bugs). */
export function connectionProblemOf(
  error: unknown,
  context: { baseUrl: string; timeoutMs: number },
): ConnectionTestResult {
  if (!(error instanceof DillerError)) throw error;
  const correlationId =
    "correlationId" in error && typeof error.correlationId === "string" ? error.correlationId : undefined;
  const fail = (problem: ConnectionProblem, message: string): ConnectionTestResult => ({
    ok: false,
    problem,
    message,
    ...(correlationId ? { correlationId } : {}),
  });
  if (error instanceof DillerConfigError) {
    return fail(error.reason === "insecure-base-url" ? "insecure-base-url" : "invalid-base-url", error.message);
  }
  if (error instanceof DillerAuthError) {
    return fail("wrong-credentials", "Diller did not accept the store id and API key. Check both in Diller's admin.");
  }
  if (error instanceof DillerNetworkError) {
    return error.timedOut
      ? fail(
          "timeout",
          `Diller did not answer within ${Math.round(context.timeoutMs / 1000)} seconds. Try again later.`,
        )
      : fail("unreachable", `Could not reach Diller at ${context.baseUrl}. Check the address.`);
  }
  if (error instanceof DillerNotFoundError && error.operationId === "get") {
    return fail("store-mismatch", "The credentials work, but Diller knows no store with this store id.");
  }
  if (error instanceof DillerRateLimitError) {
    return fail("rate-limited", "Diller is limiting requests right now. Try again in a minute.");
  }
  if (error instanceof DillerServerError) {
    return fail("server-error", "Diller reported an internal error. Try again later.");
  }
  return fail(
    "unexpected-response",
    `Diller's answer was not what its API describes. Check that ${context.baseUrl} is Diller's API address.`,
  );
}
