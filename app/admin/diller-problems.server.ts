import {
  DillerAmbiguousFailureError,
  DillerAuthError,
  DillerConfigError,
  DillerError,
  DillerNetworkError,
  DillerNotFoundError,
  DillerRateLimitError,
  DillerServerError,
  DillerUnexpectedResponseError,
  DillerValidationError,
} from "~/diller/errors.server";
import type { ConnectionTestResult } from "~/diller/connection-test.server";
import { DEFAULT_TIMEOUT_MS } from "~/diller/client.server";
import { message, type Message } from "~/i18n/translate";
import { DecryptionError } from "~/security/encryption.server";

import type { DillerProblem } from "./views";

function referenceOf(error: DillerError): string | undefined {
  const ids = [
    "correlationId" in error && typeof error.correlationId === "string" ? error.correlationId : undefined,
    "requestId" in error && typeof error.requestId === "string" ? error.requestId : undefined,
  ].filter((id): id is string => Boolean(id));
  return ids.length > 0 ? ids.join(" / ") : undefined;
}

/** Maps what a Diller call threw to a banner message; rethrows anything that is not a Diller error (a bug). */
export function dillerProblemOf(error: unknown): DillerProblem {
  // The saved key was sealed with an encryption key this server no longer has.
  if (error instanceof DecryptionError) return { message: message("errors.keyUnreadable") };
  if (!(error instanceof DillerError)) throw error;
  const reference = referenceOf(error);
  const withReference = (entry: Message): DillerProblem =>
    reference ? { message: entry, reference } : { message: entry };
  if (error instanceof DillerConfigError) return withReference(message("errors.diller.config"));
  if (error instanceof DillerAuthError) return withReference(message("errors.diller.auth"));
  if (error instanceof DillerRateLimitError) return withReference(message("errors.diller.rateLimited"));
  if (error instanceof DillerNetworkError || error instanceof DillerAmbiguousFailureError)
    return withReference(message("errors.diller.network"));
  if (error instanceof DillerServerError) return withReference(message("errors.diller.server"));
  if (error instanceof DillerNotFoundError) return withReference(message("errors.diller.notFound"));
  if (error instanceof DillerValidationError) return withReference(message("errors.diller.rejected"));
  if (error instanceof DillerUnexpectedResponseError) return withReference(message("errors.diller.unexpected"));
  return withReference(message("errors.diller.other"));
}

export type ConnectionFailure = Extract<ConnectionTestResult, { ok: false }>;

/** The precise, actionable message for each way a connection test can fail. */
export function connectionProblemMessage(
  failure: Pick<ConnectionFailure, "problem">,
  context: { baseUrl: string; storeId: string; timeoutMs?: number },
): Message {
  switch (failure.problem) {
    case "wrong-credentials":
      return message("connection.problem.wrongCredentials");
    case "unreachable":
      return message("connection.problem.unreachable", { baseUrl: context.baseUrl });
    case "timeout":
      return message("connection.problem.timeout", {
        seconds: Math.max(1, Math.round((context.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)),
      });
    case "store-mismatch":
      return message("connection.problem.storeMismatch", { storeId: context.storeId });
    case "rate-limited":
      return message("connection.problem.rateLimited");
    case "server-error":
      return message("connection.problem.serverError");
    case "unexpected-response":
      return message("connection.problem.unexpectedResponse", { baseUrl: context.baseUrl });
    case "invalid-base-url":
      return message("connection.problem.invalidBaseUrl");
    case "insecure-base-url":
      return message("connection.problem.insecureBaseUrl");
  }
}
