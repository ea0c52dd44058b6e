import * as openid from "openid-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { DEMO_API_KEY, DEMO_STORE_ID, SECOND_STORE_API_KEY, SECOND_STORE_ID, SECOND_STORE_MEMBER_ID } from "./index";
import { asArray, asRecord, expectNoContractViolations, startTestSandbox, type TestSandbox } from "./test-support";

const FORM = "application/x-www-form-urlencoded";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox({ tokenLifetimeSeconds: 600 });
});
afterAll(() => t.sandbox.stop());
afterEach(() => expectNoContractViolations(t.sandbox));

describe("token endpoint", () => {
  it("issues a bearer token for the store id and API key sent with HTTP Basic", async () => {
    const response = await t.raw("POST", "/connect/token", {
      headers: { Authorization: basic(DEMO_STORE_ID, DEMO_API_KEY), "Content-Type": FORM },
      body: "grant_type=client_credentials&scope=api.retailer",
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.body).toEqual({
      access_token: expect.any(String),
      expires_in: 600,
      token_type: "Bearer",
      scope: "api.retailer",
    });
  });

  it("also accepts client_secret_post", async () => {
    const response = await t.raw("POST", "/connect/token", {
      headers: { "Content-Type": FORM },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        scope: "api.retailer",
        client_id: DEMO_STORE_ID,
        client_secret: DEMO_API_KEY,
      }).toString(),
    });
    expect(response.status).toBe(200);
  });

  it.each([
    [
      "a wrong API key",
      basic(DEMO_STORE_ID, "x".repeat(40)),
      "grant_type=client_credentials&scope=api.retailer",
      "invalid_client",
    ],
    [
      "an unknown store id",
      basic("no-such-store-0000", DEMO_API_KEY),
      "grant_type=client_credentials&scope=api.retailer",
      "invalid_client",
    ],
    ["no credentials", undefined, "grant_type=client_credentials&scope=api.retailer", "invalid_client"],
    [
      "another grant type",
      basic(DEMO_STORE_ID, DEMO_API_KEY),
      "grant_type=password&scope=api.retailer",
      "unsupported_grant_type",
    ],
    [
      "another scope",
      basic(DEMO_STORE_ID, DEMO_API_KEY),
      "grant_type=client_credentials&scope=api.admin",
      "invalid_scope",
    ],
    ["no grant type", basic(DEMO_STORE_ID, DEMO_API_KEY), "scope=api.retailer", "invalid_request"],
  ])("refuses %s with an OAuth error", async (_case, authorization, form, error) => {
    const headers: Record<string, string> = { "Content-Type": FORM };
    if (authorization) headers.Authorization = authorization;

    const response = await t.raw("POST", "/connect/token", { headers, body: form });

    expect(response.status).toBe(400);
    expect(asRecord(response.body).error).toBe(error);
  });

  it("refuses a JSON body (the token endpoint is form-encoded)", async () => {
    const response = await t.raw("POST", "/connect/token", {
      headers: { Authorization: basic(DEMO_STORE_ID, DEMO_API_KEY), "Content-Type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", scope: "api.retailer" }),
    });
    expect(response.status).toBe(400);
    expect(asRecord(response.body).error).toBe("invalid_request");
  });
});

describe("discovery", () => {
  it("describes the token endpoint under the base URL", async () => {
    const response = await t.raw("GET", "/.well-known/openid-configuration");

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      issuer: t.sandbox.baseUrl,
      token_endpoint: `${t.sandbox.baseUrl}/connect/token`,
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: expect.arrayContaining(["client_secret_basic", "client_secret_post"]),
      scopes_supported: ["api.retailer"],
    });
  });

  it("works with openid-client (discovery, then a client-credentials grant)", async () => {
    const config = await openid.discovery(
      new URL(t.sandbox.baseUrl),
      DEMO_STORE_ID,
      undefined,
      openid.ClientSecretBasic(DEMO_API_KEY),
      { execute: [openid.allowInsecureRequests] },
    );
    const tokens = await openid.clientCredentialsGrant(config, { scope: "api.retailer" });

    const store = await t.api("GET", `/stores/${DEMO_STORE_ID}`, { token: tokens.access_token });
    expect(store.status).toBe(200);
    expect(tokens.expires_in).toBe(600);
  });

  it("answers 404 when discovery is switched off, so clients fall back to /connect/token", async () => {
    const withoutDiscovery = await startTestSandbox({ discovery: false });
    try {
      const response = await withoutDiscovery.raw("GET", "/.well-known/openid-configuration");
      expect(response.status).toBe(404);
      expect(await withoutDiscovery.token()).toEqual(expect.any(String));
    } finally {
      await withoutDiscovery.sandbox.stop();
    }
  });
});

describe("bearer tokens on the Retailer API", () => {
  it("answers 401 with a Bearer challenge when no token is sent", async () => {
    const response = await t.store("GET", "", { token: null });

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers 401 invalid_token for an unknown token", async () => {
    const response = await t.store("GET", "", { token: "not-a-token" });

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("expires tokens by the injected clock", async () => {
    // GIVEN a token with a 600 s lifetime
    const token = await t.token();
    expect((await t.store("GET", "", { token })).status).toBe(200);

    // WHEN the clock passes its lifetime
    t.clock.advanceSeconds(601);

    // THEN it is refused, and a new one works
    const expired = await t.store("GET", "", { token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toContain("expired");
    expect((await t.store("GET", "", { token: await t.token() })).status).toBe(200);
  });

  it("expireAllTokens() invalidates every issued token at once", async () => {
    const first = await t.token();
    const second = await t.token();

    t.sandbox.expireAllTokens();

    expect((await t.store("GET", "", { token: first })).status).toBe(401);
    expect((await t.store("GET", "", { token: second })).status).toBe(401);
    expect((await t.store("GET", "", { token: await t.token() })).status).toBe(200);
  });
});

describe("store isolation", () => {
  it("lists only the store of the token's client", async () => {
    const token = await t.token();
    const response = await t.api("GET", "/stores", { token });

    expect(response.status).toBe(200);
    expect(asArray(response.body).map((store) => asRecord(store).id)).toEqual([DEMO_STORE_ID]);
  });

  it.each([
    ["the second store's profile", `/stores/${SECOND_STORE_ID}`],
    ["the second store's member", `/stores/${SECOND_STORE_ID}/members/${SECOND_STORE_MEMBER_ID}`],
    ["an unknown store", "/stores/ffffffff-0000-0000-0000-000000000000/departments"],
  ])("answers 403 problem details for %s with the demo credentials", async (_case, path) => {
    const response = await t.api("GET", path, { token: await t.token() });

    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(asRecord(response.body)).toMatchObject({ status: 403, title: "Forbidden" });
  });

  it("lets the second store's credentials reach only the second store", async () => {
    const token = await t.token({ storeId: SECOND_STORE_ID, apiKey: SECOND_STORE_API_KEY });

    expect((await t.api("GET", `/stores/${SECOND_STORE_ID}`, { token })).status).toBe(200);
    expect((await t.api("GET", `/stores/${DEMO_STORE_ID}`, { token })).status).toBe(403);
  });
});
