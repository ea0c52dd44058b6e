/**
 * The production server (server.mjs on the production build) against hostile requests: bodies are
 * bounded before anything reads them, the login page is not framable, and an oversized login shop
 * parameter is refused without reaching Shopify's library or the logs. No browser needed.
 */
import { request as httpRequest } from "node:http";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { TEST_APP, webhookRequest } from "../shopify";

import { startAppServer, type AppServer } from "./app-server";

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecretKey,
    SCOPES: process.env.SCOPES ?? "",
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? "",
    JOB_WORKER: "off",
    LOG_LEVEL: "debug",
    MAX_REQUEST_BODY_BYTES: String(1024 * 1024),
  });
});

afterAll(async () => {
  await server?.stop();
});

/**
 * Sends the headers of a large POST and only 1 KiB of its body, then waits for the answer: a
 * server that read the body first would never answer.
 */
function postHeadersOnly(path: string, headers: Record<string, string>): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    let sent = 0;
    const outgoing = httpRequest(url, { method: "POST", headers }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, sent });
      outgoing.destroy();
    });
    outgoing.on("error", (error) => (sent > 0 ? undefined : reject(error)));
    outgoing.write(Buffer.alloc(1024, 0x61), () => {
      sent += 1024;
    });
  });
}

describe("the production server", () => {
  it.each(["/auth/login", "/webhooks/orders/paid", "/app"])(
    "answers 413 to a 100 MB POST to %s without reading the body",
    async (path) => {
      const result = await postHeadersOnly(path, {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": String(100 * 1024 * 1024),
      });
      expect(result.status).toBe(413);
      expect(result.sent).toBeLessThanOrEqual(1024);
    },
  );

  it("answers 411 to a POST body without a length", async () => {
    const result = await postHeadersOnly("/webhooks/orders/paid", { "transfer-encoding": "chunked" });
    expect(result.status).toBe(411);
  });

  it("serves the login page with frame-ancestors and the other document headers", async () => {
    const response = await fetch(new URL("/auth/login", server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBe("frame-ancestors 'none';");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("refuses an oversized shop parameter without logging it", async () => {
    const marker = `huge${"x".repeat(5000)}`;
    const response = await fetch(new URL(`/auth/login?shop=${marker}`, server.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Enter a valid shop domain, such as example.myshopify.com.");
    expect(server.output()).not.toContain(marker.slice(0, 200));
  });

  it.each([
    ["a signed delivery", 200, TEST_APP.apiSecretKey, /"msg":"webhook received"/],
    ["a forged one", 401, "not-the-secret", /"msg":"webhook refused".*"status":401,"path":"\/webhooks\/orders\/paid"/],
  ])(
    "answers %s to a webhook URL with %s (the fast path ahead of Remix) and logs it once",
    async (_name, status, secret, logLine) => {
      const signed = webhookRequest({ path: "/webhooks/orders/paid", topic: "orders/paid", body: { id: 1 }, secret });
      const response = await fetch(new URL("/webhooks/orders/paid", server.url), {
        method: "POST",
        headers: signed.headers,
        body: await signed.text(),
      });
      expect(response.status).toBe(status);
      // The intake's own line, not the access log's: webhook URLs are answered before it (decision 047).
      await vi.waitFor(() => expect(server.output()).toMatch(logLine));
      expect(server.output()).not.toMatch(/POST \/webhooks\/orders\/paid/);
    },
  );

  it("serves the favicon from public/", async () => {
    const response = await fetch(new URL("/favicon.ico", server.url));
    expect(response.status).toBe(200);
  });
});
