import { DillerHttpError, DillerValidationError } from "~/diller/errors.server";
import { PermanentJobError } from "~/jobs/queue";

/** An order that no retry can send: recorded as FAILED at once, with a sentence for the merchant. */
export class OrderSyncProblem extends PermanentJobError {}

export function problemText(error: DillerHttpError): string {
  const fields =
    error instanceof DillerValidationError
      ? Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`)
      : [];
  return [error.problem?.detail ?? error.problem?.title ?? `HTTP ${error.status}`, ...fields].join("; ");
}

/** One sentence for the dashboard: what went wrong, without stack or payload. */
export function failureReason(error: unknown): string {
  if (error instanceof OrderSyncProblem) return error.message;
  if (error instanceof DillerHttpError) return `Diller answered ${error.status}: ${problemText(error)}`;
  if (error instanceof Error) return `Could not reach Diller: ${error.message}`;
  return "Unknown error";
}
