/**
 * Helpers for tests that drive the sandbox over real HTTP with plain fetch: a controllable clock, a
 * recording logger, token handling and a small API client that returns status, headers and parsed body.
 */
import { expect } from "vitest";

import { DEMO_API_KEY, DEMO_STORE_ID, type RunningSandbox, type SandboxOptions, startDillerSandbox } from "./index";

export interface TestClock {
  now: () => Date;
  advanceMinutes(minutes: number): void;
  advanceDays(days: number): void;
  advanceSeconds(seconds: number): void;
}

export function createTestClock(start = new Date("2026-03-02T10:00:00Z")): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceSeconds: (seconds) => (current += seconds * 1000),
    advanceMinutes: (minutes) => (current += minutes * 60_000),
    advanceDays: (days) => (current += days * 86_400_000),
  };
}

export interface LogLine {
  level: "info" | "warn" | "error";
  msg: string;
  fields?: object;
}

export function createMemoryLogger() {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (msg: string, fields?: object) => void lines.push({ level: "info", msg, fields }),
    warn: (msg: string, fields?: object) => void lines.push({ level: "warn", msg, fields }),
    error: (msg: string, fields?: object) => void lines.push({ level: "error", msg, fields }),
  };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, the raw text when it is not JSON, or undefined for an empty body. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text (sent as is, with `contentType`). */
  rawBody?: string;
  contentType?: string;
  query?: Record<string, string>;
  /** Bearer token to use; defaults to a fresh token for the demo store; null sends none. */
  token?: string | null;
  signal?: AbortSignal;
}

export interface TestSandbox {
  sandbox: RunningSandbox;
  clock: TestClock;
  logger: ReturnType<typeof createMemoryLogger>;
  /** A token for the given credentials (the demo store by default). */
  token(credentials?: { storeId: string; apiKey: string }): Promise<string>;
  /** Request against the Retailer API; `path` is relative to /api/v2.0 (e.g. `/stores/{id}/members`). */
  api(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  /** Request against the demo store: `path` is relative to /api/v2.0/stores/{DEMO_STORE_ID}. */
  store(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  raw(method: string, path: string, init?: RequestInit): Promise<ApiResponse>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const clock = createTestClock();
  const logger = createMemoryLogger();
  const sandbox = await startDillerSandbox({ now: clock.now, logger, ...options });
  let cachedToken: string | undefined;

  const raw = async (method: string, path: string, init: RequestInit = {}): Promise<ApiResponse> => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, { method, ...init });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: parseMaybeJson(text) };
  };

  const token = async (credentials = { storeId: DEMO_STORE_ID, apiKey: DEMO_API_KEY }) => {
    const response = await raw("POST", "/connect/token", {
      headers: {
        Authorization: `Basic ${Buffer.from(`${credentials.storeId}:${credentials.apiKey}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials&scope=api.retailer",
    });
    const body = response.body;
    if (response.status !== 200 || typeof body !== "object" || body === null || !("access_token" in body)) {
      throw new Error(`Token request failed: ${response.status} ${response.text}`);
    }
    return String(body.access_token);
  };

  const api = async (method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { Accept: "application/json" };
    const useCachedToken = options.token === undefined;
    const bearer = useCachedToken ? (cachedToken ??= await token()) : options.token;
    if (bearer !== null && bearer !== undefined) headers.Authorization = `Bearer ${bearer}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["Content-Type"] = options.contentType ?? "application/json";
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : "";
    const response = await raw(method, `/api/v2.0${path}${query}`, { headers, body, signal: options.signal });
    // The shared token expires when a test moves the clock on: fetch a new one once, like a real client.
    if (response.status === 401 && useCachedToken) {
      cachedToken = undefined;
      return api(method, path, options);
    }
    return response;
  };

  return {
    sandbox,
    clock,
    logger,
    token,
    api,
    store: (method, path, options) => api(method, `/stores/${DEMO_STORE_ID}${path}`, options),
    raw,
  };
}

function parseMaybeJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Every response the sandbox sent so far matched the contract. */
export function expectNoContractViolations(sandbox: RunningSandbox): void {
  expect(sandbox.contractViolations, "the sandbox answered outside the Diller contract").toEqual([]);
}

/** Narrows an unknown JSON body to a record for property assertions. */
export function asRecord(value: unknown): Record<string, unknown> {
  expect(value).toBeTypeOf("object");
  expect(value).not.toBeNull();
  return Object(value);
}

/** Narrows an unknown JSON body to an array. */
export function asArray(value: unknown): unknown[] {
  expect(Array.isArray(value)).toBe(true);
  return Array.isArray(value) ? value : [];
}
