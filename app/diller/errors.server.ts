import { z } from "zod";

import { parseRetryAfterMs } from "./retry-policy.server";
import { ActionResponseSchema, ProblemDetailsSchema, type ProblemDetails } from "./schemas.server";

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

interface CallIds {
  operationId: string;
  correlationId?: string;
}

function idsSuffix(correlationId?: string, requestId?: string): string {
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

const NOT_FOUND_TEXT =
  /\bnot\s+found\b|\bdoes(?:n't| not) exists?\b|\bno such\b|\bunknown (member|coupon|transaction)\b/i;

const BatchItemSchema = z.object({
  id: z.number().nullish(),
  product_id: z.string().nullish(),
  product_id_prefix: z.string().nullish(),
  status: z.boolean().nullish(),
  errors: z.array(z.string()).nullish(),
});

function itemErrorsOf(body: unknown): ItemError[] {
  const items = z.array(BatchItemSchema).safeParse(body);
  if (!items.success) return [];
  return items.data.flatMap((item, index) => {
    const errors = item.errors ?? [];
    if (errors.length === 0 && item.status !== false) return [];
    const key = item.product_id ?? item.product_id_prefix ?? (item.id != null ? String(item.id) : `#${index}`);
    return [{ key, errors }];
  });
}

/** Every human-readable message in an error body: problem title/detail/errors or ActionResponse details. */
export function messagesOf(problem: ProblemDetails | undefined, body: unknown): string[] {
  const action = ActionResponseSchema.safeParse(body);
  return [
    problem?.title,
    problem?.detail,
    ...Object.values(problem?.errors ?? {}).flat(),
    action.success ? action.data.details : undefined,
  ].filter((message): message is string => typeof message === "string" && message.length > 0);
}

function requestIdOf(headers: Headers, problem: ProblemDetails | undefined): string | undefined {
  return problem?.traceId ?? headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}

export interface FailedResponse extends CallIds {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  body: unknown;
  now: Date;
}

/** The one place that maps a non-success response to an error class. */
export function errorFromResponse(response: FailedResponse): DillerHttpError {
  const { status, headers, body, now } = response;
  const parsedProblem = ProblemDetailsSchema.safeParse(body);
  const problem = parsedProblem.success ? parsedProblem.data : undefined;
  const details: HttpErrorDetails = {
    operationId: response.operationId,
    correlationId: response.correlationId,
    status,
    requestId: requestIdOf(headers, problem),
    problem,
    body,
  };
  if (status === 401 || status === 403) return new DillerAuthError(details);
  if (status === 404) return new DillerNotFoundError(details);
  if (status === 429) {
    return new DillerRateLimitError({ ...details, retryAfterMs: parseRetryAfterMs(headers.get("retry-after"), now) });
  }
  if (status === 400 || status === 409 || status === 422) {
    if (status === 400 && messagesOf(problem, body).some((message) => NOT_FOUND_TEXT.test(message))) {
      return new DillerNotFoundError(details);
    }
    return new DillerValidationError({ ...details, itemErrors: itemErrorsOf(body) });
  }
  if (status >= 500) return new DillerServerError(details);
  return new DillerHttpError(details);
}

const EXTERNAL_ID_KEY = /^(\$\.)?external_?id$/i;
const MENTIONS_EXTERNAL_ID = /external[\s_-]?(transaction[\s_-]?)?id/i;
const SAYS_DUPLICATE = /already (exists?|registered|used|been)|duplicate|not unique|must be unique|in use/i;
const DUPLICATE_TRANSACTION = /transaction.{0,60}(already exists|duplicate)|duplicate.{0,30}transaction/i;

/**
 * True when Diller rejected a createTransaction because a transaction with the same `external_id`
 * exists: the earlier attempt succeeded. ASSUMPTION (confirm on pre-release, docs/diller.md): the
 * answer is a 400 (or 409/422) whose problem `errors` has an `external_id`/`ExternalId` key, or whose
 * title/detail/details says the external id (or the transaction) already exists or is a duplicate.
 */
export function isDuplicateTransactionError(error: unknown): boolean {
  if (!(error instanceof DillerHttpError)) return false;
  if (![400, 409, 422].includes(error.status)) return false;
  const fieldMessages = Object.entries(error.problem?.errors ?? {})
    .filter(([field]) => EXTERNAL_ID_KEY.test(field))
    .map(([, messages]) => messages);
  if (fieldMessages.some((messages) => messages.length === 0 || messages.some((m) => SAYS_DUPLICATE.test(m)))) {
    return true;
  }
  return messagesOf(error.problem, error.body).some(saysDuplicateTransaction);
}

/** A message saying the transaction's external id is taken (see `isDuplicateTransactionError`). */
export function saysDuplicateTransaction(message: string): boolean {
  return (MENTIONS_EXTERNAL_ID.test(message) && SAYS_DUPLICATE.test(message)) || DUPLICATE_TRANSACTION.test(message);
}

/** Finds a DillerError in an error's `cause` chain (openid-client wraps what our fetch throws). */
export function findDillerError(error: unknown, depth = 0): DillerError | undefined {
  if (error instanceof DillerError) return error;
  if (depth > 5 || !(error instanceof Error)) return undefined;
  return findDillerError(error.cause, depth + 1);
}
