/**
 * An injected `fetch` for unit tests: answers discovery and the token endpoint by default, serves
 * scripted replies per "METHOD /path" in order (the last one repeats), and records every request.
 * Nothing here opens a socket. Integration tests use the real sandbox (@diller/diller-sandbox) instead.
 */
import { z } from "zod";

import { createLogger } from "~/logger.server";

import { createDillerClient, type DillerClientOptions } from "../client.server";
import type { FetchLike } from "../http.server";
import { createTokenCache } from "../token-cache.server";

export const FAKE_BASE_URL = "https://diller.test";
export const FAKE_STORE_ID = "store-1";
export const FAKE_API_KEY = "key-secret-1";

export type FakeReply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  /** Never answers until the request is aborted (by the client's timeout). */
  | { stall: true }
  /** Fails like undici does when the socket fails, with this system error code. */
  | { networkError: string };

export interface RecordedRequest {
  method: string;
  url: URL;
  /** "METHOD /path" without the query. */
  route: string;
  headers: Headers;
  body: string | undefined;
}

export interface FakeDillerOptions {
  /** Serve a discovery document (else 404). */
  discovery?: boolean;
  /** `expires_in` of issued tokens. */
  expiresIn?: number;
}

const TOKEN_ROUTE = "POST /connect/token";
const DISCOVERY_ROUTE = "GET /.well-known/openid-configuration";

export function createFakeDiller({ discovery = false, expiresIn = 3600 }: FakeDillerOptions = {}) {
  const requests: RecordedRequest[] = [];
  const scripted = new Map<string, FakeReply[]>();
  let tokensIssued = 0;

  function defaultReply(route: string): FakeReply {
    if (route === DISCOVERY_ROUTE) {
      return discovery
        ? { json: { issuer: FAKE_BASE_URL, token_endpoint: `${FAKE_BASE_URL}/connect/token` } }
        : { status: 404, text: "" };
    }
    if (route === TOKEN_ROUTE) {
      tokensIssued += 1;
      return { json: { access_token: `token-${tokensIssued}`, expires_in: expiresIn, token_type: "Bearer" } };
    }
    return { status: 404, json: { title: "Not Found", status: 404 } };
  }

  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    const method = init.method ?? "GET";
    const route = `${method} ${parsed.pathname}`;
    const body = typeof init.body === "string" ? init.body : undefined;
    requests.push({ method, url: parsed, route, headers: new Headers(init.headers), body });
    const queue = scripted.get(route);
    const reply = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? defaultReply(route);
    return render(reply, init.signal ?? undefined);
  };

  return {
    fetch,
    requests,
    /** Scripts the replies to "METHOD /path", used in order; the last one keeps answering. */
    reply(route: string, ...replies: FakeReply[]) {
      scripted.set(route, replies);
    },
    tokenRequests: () => requests.filter((request) => request.route === TOKEN_ROUTE),
    apiRequests: () => requests.filter((request) => request.url.pathname.startsWith("/api/")),
  };
}

export type FakeDiller = ReturnType<typeof createFakeDiller>;

function render(reply: FakeReply, signal: AbortSignal | undefined): Promise<Response> {
  if ("stall" in reply) {
    return new Promise((_resolve, reject) => {
      if (!signal) return;
      const abort = () => reject(signal.reason ?? new DOMException("aborted", "AbortError"));
      if (signal.aborted) abort();
      else signal.addEventListener("abort", abort, { once: true });
    });
  }
  if ("networkError" in reply) {
    const cause = Object.assign(new Error(`connect ${reply.networkError}`), { code: reply.networkError });
    return Promise.reject(new TypeError("fetch failed", { cause }));
  }
  const body = reply.text ?? (reply.json === undefined ? "" : JSON.stringify(reply.json));
  const status = reply.status ?? 200;
  return Promise.resolve(
    new Response(status === 204 ? null : body, {
      status,
      headers: { "content-type": reply.text === undefined ? "application/json" : "text/plain", ...reply.headers },
    }),
  );
}

/** A client wired to a fake: own token cache, no real sleeping, jitter fixed at half the ceiling. */
export function createTestClient(fake: FakeDiller, overrides: Partial<DillerClientOptions> = {}) {
  const sleeps: number[] = [];
  const logLines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: "debug",
    write: (line) => logLines.push(z.record(z.string(), z.unknown()).parse(JSON.parse(line))),
  });
  const client = createDillerClient({
    baseUrl: FAKE_BASE_URL,
    storeId: FAKE_STORE_ID,
    apiKey: FAKE_API_KEY,
    fetch: fake.fetch,
    tokenCache: createTokenCache(),
    logger,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { client, sleeps, logLines };
}
