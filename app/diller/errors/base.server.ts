/**
 * Typed errors of the Diller client. Messages carry the operation, the HTTP status, the problem
 * title and the ids needed to find the call in our logs (`correlationId`, sent as
 * `X-Correlation-Id`) and in Diller's (`requestId`); never a response `detail`, which can quote a
 * member's phone or email. The parsed body stays on the error for callers, and is never logged.
 */
export class DillerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type DillerConfigProblem = "invalid-base-url" | "insecure-base-url" | "missing-credentials";

/** The connection settings are unusable (bad or insecure base URL, empty credentials). */
export class DillerConfigError extends DillerError {
  readonly reason: DillerConfigProblem;
  constructor(message: string, { reason }: { reason: DillerConfigProblem }) {
    super(message);
    this.reason = reason;
  }
}

/** A caller passed a value the contract cannot carry (checked before anything is sent). */
export class DillerInvalidInputError extends DillerError {
  readonly operationId: string;
  readonly field: string;
  constructor(operationId: string, field: string, problem: string) {
    super(`Diller ${operationId}: ${field} ${problem}`);
    this.operationId = operationId;
    this.field = field;
  }
}

export interface CallIds {
  operationId: string;
  correlationId?: string;
}

export function idsSuffix(correlationId?: string, requestId?: string): string {
  const ids = [
    correlationId ? `correlation id ${correlationId}` : undefined,
    requestId ? `Diller request id ${requestId}` : undefined,
  ].filter(Boolean);
  return ids.length > 0 ? ` (${ids.join(", ")})` : "";
}

/**
 * No usable HTTP answer: connection refused or reset, DNS failure, timeout. `ambiguous` is true when
 * the request may have reached Diller (timeout, reset after sending), so it may have taken effect.
 */
export class DillerNetworkError extends DillerError {
  readonly operationId: string;
  readonly correlationId: string | undefined;
  readonly timedOut: boolean;
  readonly ambiguous: boolean;
  /** The system error code when there is one (ECONNREFUSED, ECONNRESET, …). */
  readonly code: string | undefined;
  constructor(
    ids: CallIds & { timedOut: boolean; ambiguous: boolean; code?: string; timeoutMs?: number },
    options?: { cause?: unknown },
  ) {
    const code = ids.code ? ` (${ids.code})` : "";
    const what = ids.timedOut
      ? `timed out after ${ids.timeoutMs ?? "?"} ms`
      : ids.ambiguous
        ? `lost the connection to Diller${code}`
        : `could not connect to Diller${code}`;
    super(`Diller ${ids.operationId} ${what}${idsSuffix(ids.correlationId)}`, options);
    this.operationId = ids.operationId;
    this.correlationId = ids.correlationId;
    this.timedOut = ids.timedOut;
    this.ambiguous = ids.ambiguous;
    this.code = ids.code;
  }
}

/** A success (or error) body that is not JSON or does not have the contract's shape. */
export class DillerUnexpectedResponseError extends DillerError {
  readonly operationId: string;
  readonly correlationId: string | undefined;
  readonly status: number | undefined;
  /** Where the body differs from the contract, as paths and zod messages (never values). */
  readonly issues: string[];
  constructor(ids: CallIds & { status?: number; problem: string; issues?: string[] }, options?: { cause?: unknown }) {
    super(
      `Diller ${ids.operationId} returned an unexpected response${ids.status ? ` (HTTP ${ids.status})` : ""}: ` +
        `${ids.problem}${idsSuffix(ids.correlationId)}`,
      options,
    );
    this.operationId = ids.operationId;
    this.correlationId = ids.correlationId;
    this.status = ids.status;
    this.issues = ids.issues ?? [];
  }
}

/**
 * A call that is not safe to repeat failed in a way that leaves its outcome unknown (timeout,
 * connection reset after sending, 502, 504). It was NOT re-sent. The caller must find out what
 * happened before trying again, e.g. search the member by phone or email after `registerMember`.
 */
export class DillerAmbiguousFailureError extends DillerError {
  readonly operationId: string;
  readonly correlationId: string | undefined;
  readonly ambiguous = true;
  constructor(ids: CallIds, cause: DillerError) {
    super(
      `Diller ${ids.operationId} may or may not have been applied (${cause.message}); ` +
        `it was not re-sent because repeating it is not safe${idsSuffix(ids.correlationId)}`,
      { cause },
    );
    this.operationId = ids.operationId;
    this.correlationId = ids.correlationId;
  }
}

/** Finds a DillerError in an error's `cause` chain (openid-client wraps what our fetch throws). */
export function findDillerError(error: unknown, depth = 0): DillerError | undefined {
  if (error instanceof DillerError) return error;
  if (depth > 5 || !(error instanceof Error)) return undefined;
  return findDillerError(error.cause, depth + 1);
}
