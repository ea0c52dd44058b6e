import { describe, expect, test, vi } from "vitest";

import { createStorefrontClient, joinUrl } from "./client";
import { parseStorefrontError } from "./errors";
import { fakeBackend } from "./testing";

describe("createStorefrontClient", () => {
  test("sends the session token as a bearer to the absolute app URL, JSON both ways", async () => {
    const backend = fakeBackend({ "POST /api/checkout/coupons/apply": { body: { code: "DLR-1" } } });
    const client = createStorefrontClient({
      appUrl: "https://app.example/",
      getToken: async () => "tok",
      fetch: backend.fetch,
    });
    await expect(client.post("/api/checkout/coupons/apply", { couponId: "7" })).resolves.toEqual({
      ok: true,
      data: { code: "DLR-1" },
    });
    expect(backend.calls[0]).toMatchObject({
      method: "POST",
      authorization: "Bearer tok",
      body: { couponId: "7" },
    });
    expect(backend.calls[0]?.url.href).toBe("https://app.example/api/checkout/coupons/apply");
  });

  test("turns the contract's error body into a StorefrontError", async () => {
    const backend = fakeBackend({
      "GET /x": { status: 429, body: { error: { code: "rate_limited", retryAfterSeconds: 30 } } },
    });
    const client = createStorefrontClient({
      appUrl: "https://app.example",
      getToken: async () => "t",
      fetch: backend.fetch,
    });
    await expect(client.get("/x")).resolves.toEqual({
      ok: false,
      error: { code: "rate_limited", retryAfterSeconds: 30 },
    });
  });

  test.each([
    ["a network failure", () => Promise.reject(new TypeError("Failed to fetch"))],
    ["a non-JSON success", () => Promise.resolve(new Response("<html>", { status: 200 }))],
  ])("answers unavailable on %s and never throws", async (_name, fetch) => {
    const client = createStorefrontClient({ appUrl: "https://app.example", getToken: async () => "t", fetch });
    await expect(client.get("/x")).resolves.toEqual({ ok: false, error: { code: "unavailable" } });
  });

  test("gives up after the timeout (checkout never waits on us for long)", async () => {
    vi.useFakeTimers();
    try {
      const fetch = vi.fn(
        (_input: RequestInfo | URL, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) =>
            init?.signal?.addEventListener("abort", () => reject(new Error("aborted"))),
          ),
      );
      const client = createStorefrontClient({
        appUrl: "https://app.example",
        getToken: async () => "t",
        fetch,
        timeoutMs: 500,
      });
      const pending = client.get("/slow");
      await vi.advanceTimersByTimeAsync(500);
      await expect(pending).resolves.toEqual({ ok: false, error: { code: "unavailable" } });
    } finally {
      vi.useRealTimers();
    }
  });

  test("a session token that cannot be had is unauthenticated", async () => {
    const fetch = vi.fn();
    const client = createStorefrontClient({
      appUrl: "https://a",
      getToken: () => Promise.reject(new Error("no")),
      fetch,
    });
    await expect(client.get("/x")).resolves.toEqual({ ok: false, error: { code: "unauthenticated" } });
    expect(fetch).not.toHaveBeenCalled();
  });

  test.each([
    ["https://a.example", "/api/x", "https://a.example/api/x"],
    ["https://a.example/", "api/x", "https://a.example/api/x"],
  ])("joinUrl(%s, %s)", (base, path, expected) => {
    expect(joinUrl(base, path)).toBe(expected);
  });
});

describe("parseStorefrontError", () => {
  test.each([
    ["a bare 401 (no CORS body)", 401, null, { code: "unauthenticated" }],
    ["a proxy's 502 page", 502, "Bad gateway", { code: "unavailable" }],
    ["an unknown code", 403, { error: { code: "teapot" } }, { code: "forbidden" }],
    [
      "field errors, dropping unknown field codes",
      422,
      { error: { code: "invalid_input", fields: { email: "invalid_email", x: "made_up" } } },
      { code: "invalid_input", fields: { email: "invalid_email" } },
    ],
  ])("%s", (_name, status, body, expected) => {
    expect(parseStorefrontError(status, body)).toEqual(expected);
  });
});
