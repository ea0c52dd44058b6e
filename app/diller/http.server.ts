import type { CallSlots } from "./call-slots.server";
import { DillerError, DillerNetworkError } from "./errors.server";

/** The part of `fetch` the client uses; injectable so tests need no network. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** One HTTP exchange with the body already read (the timeout covers headers and body alike). */
export interface RawResponse {
  status: number;
  headers: Headers;
  bodyText: string;
}

/**
 * System error codes that mean the connection was never established, so the request cannot have
 * reached Diller. Any other failure (reset, socket closed, unknown) may have happened after sending.
 */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function systemErrorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 5) return undefined;
  if ("code" in error && typeof error.code === "string") return error.code;
  return "cause" in error ? systemErrorCode(error.cause, depth + 1) : undefined;
}

/** One request of `exchange`: where it goes, how long it may take, and what the logs call it. */
interface ExchangeRequest {
  fetch: FetchLike;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  operationId: string;
  correlationId: string | undefined;
}

/**
 * Sends one request and reads the whole body, aborting after `timeoutMs`. Failures without an HTTP
 * answer become `DillerNetworkError`, marked ambiguous unless the connection was refused outright.
 * With `slots`, the exchange first waits for one (the timeout starts when it has it).
 */
export async function exchange({ slots, ...request }: ExchangeRequest & { slots?: CallSlots }): Promise<RawResponse> {
  const release = slots ? await slots.take() : undefined;
  try {
    return await exchangeNow(request);
  } finally {
    release?.();
  }
}

async function exchangeNow({
  fetch,
  url,
  init,
  timeoutMs,
  operationId,
  correlationId,
}: ExchangeRequest): Promise<RawResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  let answered = false;
  try {
    const response = await fetch(url, { ...init, signal });
    answered = true;
    const bodyText = await response.text();
    return { status: response.status, headers: response.headers, bodyText };
  } catch (error) {
    if (error instanceof DillerError) throw error;
    const timedOut = timeout.signal.aborted;
    const code = systemErrorCode(error);
    const maybeSent = timedOut || answered || code === undefined || !NOT_SENT_CODES.has(code);
    throw new DillerNetworkError(
      { operationId, correlationId, timedOut, ambiguous: maybeSent, code, timeoutMs },
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Turns a read exchange back into a `Response` (for openid-client, which reads it itself). */
export function toResponse(raw: RawResponse): Response {
  return new Response(NULL_BODY_STATUSES.has(raw.status) ? null : raw.bodyText, {
    status: raw.status,
    headers: raw.headers,
  });
}

/** Parses a body as JSON; `undefined` for an empty body, `{ ok: false }` when it is not JSON. */
export function parseJsonBody(bodyText: string): { ok: true; value: unknown } | { ok: false } {
  if (bodyText.trim() === "") return { ok: true, value: undefined };
  try {
    const value: unknown = JSON.parse(bodyText);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}
