import type { ProblemDetails } from "../schemas.server";

import { type CallIds, DillerError, idsSuffix } from "./base.server";

export interface HttpErrorDetails extends CallIds {
  status: number;
  /** Diller's id for the request: problem `traceId` or an `X-Request-Id`/`Request-Id` header. */
  requestId?: string;
  problem?: ProblemDetails;
  /** The parsed JSON body (or the raw text when it is not JSON). May contain personal data. */
  body?: unknown;
  message?: string;
}

/** Diller answered with a non-success HTTP status. */
export class DillerHttpError extends DillerError {
  readonly status: number;
  readonly operationId: string;
  readonly correlationId: string | undefined;
  readonly requestId: string | undefined;
  readonly problem: ProblemDetails | undefined;
  readonly body: unknown;
  constructor(details: HttpErrorDetails) {
    const title = details.problem?.title;
    super(
      details.message ??
        `Diller ${details.operationId} failed with HTTP ${details.status}${title ? `: ${title}` : ""}` +
          idsSuffix(details.correlationId, details.requestId),
    );
    this.status = details.status;
    this.operationId = details.operationId;
    this.correlationId = details.correlationId;
    this.requestId = details.requestId;
    this.problem = details.problem;
    this.body = details.body;
  }
}

/** 401/403 from the API, or the token endpoint refused the credentials. Not retried. */
export class DillerAuthError extends DillerHttpError {
  /** The OAuth error code from the token endpoint (`invalid_client`, …) when there is one. */
  readonly oauthError: string | undefined;
  constructor(details: HttpErrorDetails & { oauthError?: string }) {
    super(details);
    this.oauthError = details.oauthError;
  }
}

/** 429. `retryAfterMs` comes from `Retry-After` (seconds or HTTP date) when Diller sends it. */
export class DillerRateLimitError extends DillerHttpError {
  readonly retryAfterMs: number | undefined;
  constructor(details: HttpErrorDetails & { retryAfterMs?: number }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

export interface ItemError {
  /** The product id, prefix or rule id the message is about, or `#<index>` in the batch. */
  key: string;
  errors: string[];
}

/** 400 (or 409/422): the request was rejected. `fieldErrors` is the problem-details `errors` map. */
export class DillerValidationError extends DillerHttpError {
  readonly fieldErrors: Record<string, string[]>;
  /** Per-item failures of the batch endpoints (their 400 bodies are arrays, not problem details). */
  readonly itemErrors: ItemError[];
  constructor(details: HttpErrorDetails & { itemErrors?: ItemError[] }) {
    super(details);
    this.fieldErrors = details.problem?.errors ?? {};
    this.itemErrors = details.itemErrors ?? [];
  }
}

/** 404, or a 400 whose message says the member/coupon/transaction does not exist. */
export class DillerNotFoundError extends DillerHttpError {}

/** 5xx. */
export class DillerServerError extends DillerHttpError {}
