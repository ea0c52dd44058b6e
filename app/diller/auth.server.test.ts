import { describe, expect, it, vi } from "vitest";

import { createDillerClient, DILLER_USER_AGENT, testDillerConnection } from "./client.server";
import { DillerAuthError, DillerConfigError, DillerNetworkError, DillerUnexpectedResponseError } from "./errors.server";
import { createFakeDiller, createTestClient, FAKE_API_KEY, FAKE_BASE_URL, FAKE_STORE_ID } from "./testing/fake-diller";
import { createTokenCache } from "./token-cache.server";

const STORE = { json: { id: FAKE_STORE_ID, store_name: "Demo" } };
const GET_STORE = `GET /api/v2.0/stores/${FAKE_STORE_ID}`;

describe("insecure base URLs", () => {
  it("refuses http:// to a non-loopback host before any request", async () => {
    // GIVEN a fetch that must never be called
    const fetch = vi.fn<typeof globalThis.fetch>();
    // WHEN a client is built for plain http on a public host
    const build = () =>
      createDillerClient({ baseUrl: "http://diller.example", storeId: "s", apiKey: "k", fetch: (u, i) => fetch(u, i) });
    // THEN it throws a config error naming the problem, and nothing was sent
    expect(build).toThrow(DillerConfigError);
    expect(build).toThrow(/Refusing plain http:\/\/ for diller\.example/);
    const result = await testDillerConnection({ baseUrl: "http://diller.example", storeId: "s", apiKey: "k" });
    expect(result).toMatchObject({ ok: false, problem: "insecure-base-url" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses empty credentials", () => {
    expect(() => createDillerClient({ baseUrl: FAKE_BASE_URL, storeId: " ", apiKey: "k" })).toThrow(
      expect.objectContaining({ reason: "missing-credentials" }),
    );
  });

  it("allows http:// on loopback (the local sandbox), token request included", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_STORE, STORE);
    const { client } = createTestClient(fake, { baseUrl: "http://127.0.0.1:4010" });
    await expect(client.stores.getStore()).resolves.toMatchObject({ id: FAKE_STORE_ID });
    expect(fake.tokenRequests()[0]?.url.href).toBe("http://127.0.0.1:4010/connect/token");
  });
});

describe("token request", () => {
  it("uses client credentials with HTTP Basic (store id : API key) and scope api.retailer", async () => {
    // GIVEN no discovery document
    const fake = createFakeDiller();
    fake.reply(GET_STORE, STORE);
    const { client } = createTestClient(fake);
    // WHEN the first API call needs a token
    await client.stores.getStore();
    // THEN discovery was tried, then the fixed token endpoint, then the API with the token
    expect(fake.requests.map((request) => request.route)).toEqual([
      "GET /.well-known/openid-configuration",
      "POST /connect/token",
      GET_STORE,
    ]);
    const [, token, api] = fake.requests;
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64 (openid-client encodes "-" as %2D)
    const basic = /^Basic (.+)$/.exec(token?.headers.get("authorization") ?? "")?.[1] ?? "";
    const [clientId, secret] = Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent);
    expect({ clientId, secret }).toEqual({ clientId: FAKE_STORE_ID, secret: FAKE_API_KEY });
    expect(token?.headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      grant_type: "client_credentials",
      scope: "api.retailer",
    });
    expect(token?.headers.get("user-agent")).toBe(DILLER_USER_AGENT);
    expect(DILLER_USER_AGENT).toMatch(/^DillerLoyaltyShopify\/\d+\.\d+\.\d+/);
    expect(api?.headers.get("authorization")).toBe("Bearer token-1");
    // one correlation id for the logical call, token request included
    expect(token?.headers.get("x-correlation-id")).toBe(api?.headers.get("x-correlation-id"));
    expect(api?.headers.get("x-correlation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses the token endpoint of the discovery document when there is one", async () => {
    const fake = createFakeDiller();
    fake.reply("GET /.well-known/openid-configuration", {
      json: { issuer: FAKE_BASE_URL, token_endpoint: `${FAKE_BASE_URL}/identity/connect/token` },
    });
    fake.reply("POST /identity/connect/token", {
      json: { access_token: "t-discovered", expires_in: 600, token_type: "Bearer" },
    });
    fake.reply(GET_STORE, STORE);
    const { client } = createTestClient(fake);
    await client.stores.getStore();
    expect(fake.requests.map((request) => request.route)).toEqual([
      "GET /.well-known/openid-configuration",
      "POST /identity/connect/token",
      GET_STORE,
    ]);
    expect(fake.apiRequests()[0]?.headers.get("authorization")).toBe("Bearer t-discovered");
  });

  it.each([
    ["not JSON", { text: "<html>hello</html>" }],
    ["JSON without issuer", { json: { token_endpoint: "https://elsewhere.test/token" } }],
    ["another issuer", { json: { issuer: "https://other.test", token_endpoint: "https://other.test/token" } }],
    ["a server error", { status: 500, text: "" }],
  ])("falls back to {baseUrl}/connect/token when the discovery document is %s", async (_case, reply) => {
    const fake = createFakeDiller();
    fake.reply("GET /.well-known/openid-configuration", reply);
    fake.reply(GET_STORE, STORE);
    const { client } = createTestClient(fake);
    await client.stores.getStore();
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(fake.requests.map((request) => request.url.host)).not.toContain("other.test");
  });

  it("does not fall back when the host is unreachable; the call fails as a network error", async () => {
    const fake = createFakeDiller();
    fake.reply("GET /.well-known/openid-configuration", { networkError: "ECONNREFUSED" });
    const { client, sleeps } = createTestClient(fake);
    const failure = await client.stores.getStore().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerNetworkError);
    expect(failure).toMatchObject({ code: "ECONNREFUSED" });
    expect(fake.tokenRequests()).toHaveLength(0);
    // retried like any failure that happened before the API request was sent
    expect(sleeps).toHaveLength(2);
  });

  it("reports wrong credentials as DillerAuthError, without retrying", async () => {
    // GIVEN a token endpoint that refuses the client (IdentityServer answers 400 invalid_client)
    const fake = createFakeDiller();
    fake.reply("POST /connect/token", { status: 400, json: { error: "invalid_client" } });
    const { client, sleeps } = createTestClient(fake);
    // WHEN a call is made
    const failure = await client.members.getMember({ memberId: "m1" }).catch((error: unknown) => error);
    // THEN it is an auth error, one token request, no API request, no sleeping
    expect(failure).toBeInstanceOf(DillerAuthError);
    expect(failure).toMatchObject({ status: 400, oauthError: "invalid_client", operationId: "requestAccessToken" });
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(fake.apiRequests()).toHaveLength(0);
    expect(sleeps).toEqual([]);
  });

  it.each([
    ["not JSON", { text: "<html>login</html>" }],
    ["no access_token", { json: { expires_in: 3600, token_type: "Bearer" } }],
    ["no expires_in", { json: { access_token: "abc", token_type: "Bearer" } }],
    ["an unknown token_type", { json: { access_token: "abc", expires_in: 60, token_type: "MAC" } }],
  ])("reports a token response that is %s as DillerUnexpectedResponseError", async (_case, reply) => {
    const fake = createFakeDiller();
    fake.reply("POST /connect/token", reply);
    const { client } = createTestClient(fake);
    const failure = await client.stores.getStore().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerUnexpectedResponseError);
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(String(failure)).not.toContain("abc");
  });

  it("retries a token endpoint that is briefly unavailable", async () => {
    const fake = createFakeDiller();
    fake.reply(
      "POST /connect/token",
      { status: 503, text: "" },
      {
        json: { access_token: "late", expires_in: 3600, token_type: "Bearer" },
      },
    );
    fake.reply(GET_STORE, STORE);
    const { client, sleeps } = createTestClient(fake);
    await client.stores.getStore();
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(sleeps).toEqual([125]);
  });

  it("times out a stalled token request", async () => {
    const fake = createFakeDiller();
    fake.reply("POST /connect/token", { stall: true });
    const { client } = createTestClient(fake, { timeoutMs: 20, retry: { maxAttempts: 1 } });
    const failure = await client.stores.getStore().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerNetworkError);
    expect(failure).toMatchObject({ timedOut: true, operationId: "requestAccessToken" });
  });
});

describe("token cache", () => {
  it("refreshes one minute before expiry, using the injected clock", async () => {
    // GIVEN one-hour tokens and a clock we control
    let now = new Date("2026-03-01T10:00:00Z");
    const fake = createFakeDiller({ expiresIn: 3600 });
    fake.reply(GET_STORE, STORE);
    const { client } = createTestClient(fake, { now: () => now });
    const advanceTo = (seconds: number) => (now = new Date(Date.parse("2026-03-01T10:00:00Z") + seconds * 1000));
    // WHEN calls are made at 0 s, 3539 s and 3541 s
    await client.stores.getStore();
    advanceTo(3539);
    await client.stores.getStore();
    const beforeMargin = fake.tokenRequests().length;
    advanceTo(3541);
    await client.stores.getStore();
    // THEN the token is reused until 60 s before expiry, then replaced
    expect(beforeMargin).toBe(1);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.apiRequests().map((request) => request.headers.get("authorization"))).toEqual([
      "Bearer token-1",
      "Bearer token-1",
      "Bearer token-2",
    ]);
    // discovery is looked up once per client, not per token
    expect(fake.requests.filter((request) => request.route.includes("well-known"))).toHaveLength(1);
  });

  it("refreshes a short-lived token at half its lifetime", async () => {
    let now = new Date("2026-03-01T10:00:00Z");
    const fake = createFakeDiller({ expiresIn: 60 });
    fake.reply(GET_STORE, STORE);
    const { client } = createTestClient(fake, { now: () => now });
    await client.stores.getStore();
    now = new Date("2026-03-01T10:00:29Z");
    await client.stores.getStore();
    now = new Date("2026-03-01T10:00:30Z");
    await client.stores.getStore();
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it("shares one token request among 20 concurrent calls with a cold cache", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_STORE, STORE);
    const { client } = createTestClient(fake);
    await Promise.all(Array.from({ length: 20 }, () => client.stores.getStore()));
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(fake.apiRequests()).toHaveLength(20);
  });

  it("is shared by clients of the same connection, and separate for another API key", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_STORE, STORE);
    const tokenCache = createTokenCache();
    await createTestClient(fake, { tokenCache }).client.stores.getStore();
    await createTestClient(fake, { tokenCache }).client.stores.getStore();
    expect(fake.tokenRequests()).toHaveLength(1);
    await createTestClient(fake, { tokenCache, apiKey: "rotated-key" }).client.stores.getStore();
    expect(fake.tokenRequests()).toHaveLength(2);
  });

  it("on a 401 drops the token, fetches one new token and repeats the call once", async () => {
    // GIVEN an API that rejects the first token
    const fake = createFakeDiller();
    fake.reply(GET_STORE, { status: 401, text: "" }, STORE);
    const { client, sleeps } = createTestClient(fake);
    // WHEN a call is made
    await expect(client.stores.getStore()).resolves.toMatchObject({ id: FAKE_STORE_ID });
    // THEN exactly one refresh and one repeat, without backoff
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.apiRequests().map((request) => request.headers.get("authorization"))).toEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
    expect(sleeps).toEqual([]);
  });

  it("gives up with DillerAuthError when the new token is rejected too", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_STORE, { status: 401, text: "" });
    const { client } = createTestClient(fake);
    const failure = await client.stores.getStore().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerAuthError);
    expect(failure).toMatchObject({ status: 401, operationId: "get" });
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it("repeats even an unsafe operation after a 401 (the API did not act on it)", async () => {
    const fake = createFakeDiller();
    fake.reply(
      `POST /api/v2.0/stores/${FAKE_STORE_ID}/members`,
      { status: 401, text: "" },
      {
        json: { id: "m-new", gender: "NotShared" },
      },
    );
    const { client } = createTestClient(fake);
    await expect(
      client.members.registerMember({ phone: { country_code: "+47", number: "40000000" } }),
    ).resolves.toMatchObject({
      id: "m-new",
    });
  });

  it("exposes only the expiry through authenticate()", async () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const fake = createFakeDiller({ expiresIn: 600 });
    const { client } = createTestClient(fake, { now: () => now });
    expect(await client.authenticate()).toEqual({ expiresAt: new Date("2026-03-01T10:10:00Z") });
    await client.authenticate();
    await client.authenticate({ forceRefresh: true });
    expect(fake.tokenRequests()).toHaveLength(2);
  });
});

describe("secrets stay out of the logs", () => {
  it("never logs the API key, the Basic credentials or a token", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_STORE, { status: 401, text: "" }, STORE);
    const { client, logLines } = createTestClient(fake);
    await client.stores.getStore();
    const everything = JSON.stringify(logLines);
    expect(logLines.length).toBeGreaterThanOrEqual(4);
    for (const secret of [FAKE_API_KEY, "token-1", "token-2", "Basic", "Bearer"])
      expect(everything).not.toContain(secret);
    expect(logLines.filter((line) => line.operationId === "requestAccessToken")).toHaveLength(2);
  });
});
