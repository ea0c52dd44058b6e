import { z } from "zod";

import { parseRetryAfterMs } from "../retry-policy.server";
import { ActionResponseSchema, ProblemDetailsSchema, type ProblemDetails } from "../schemas.server";
import type { CallIds } from "./base.server";
import {
  DillerAuthError,
  DillerHttpError,
  DillerNotFoundError,
  DillerRateLimitError,
  DillerServerError,
  DillerValidationError,
  type HttpErrorDetails,
  type ItemError,
} from "./http.server";

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
