import { shopifyApp } from "@shopify/shopify-app-remix/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { ADMIN_API_VERSION } from "~/api-version";
import { createLogger } from "~/logger.server";
import { extensionRequest, TEST_APP, TEST_SHOP } from "../../tests/shopify";

import { StorefrontHttpError } from "./errors.server";
import { createStorefrontRoute, type StorefrontContext } from "./handler.server";

const shopify = shopifyApp({ ...TEST_APP, apiVersion: ADMIN_API_VERSION });
const errors: string[] = [];
const logger = createLogger({ level: "error", write: (line) => errors.push(line) });
const route = createStorefrontRoute({
  authenticate: (request) => shopify.authenticate.public.checkout(request),
  logger,
  maxBodyBytes: 1024,
});

const whoAmI = route.loader(async (context: StorefrontContext) => ({
  shop: context.shop,
  customerId: context.customerId,
  customerGid: context.customerGid,
}));
const memberOnly = route.loader(async (context) => ({ customer: context.requireCustomer() }));
const echo = route.action(async (context) => context.body(z.object({ couponId: z.string().min(1) })));
const broken = route.loader(async () => {
  throw new Error("database is on fire");
});
const refusing = route.loader(async () => {
  throw StorefrontHttpError.rateLimited(29.2);
});

const CUSTOMER = "gid://shopify/Customer/7001";
const args = (request: Request) => ({ request, params: {}, context: {} });

function expectCors(response: Response) {
  expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
}

describe("storefront routes: identity only from the session token", () => {
  it("GIVEN a logged-in customer's token THEN the shop comes from dest and the customer from sub", async () => {
    const response = await whoAmI(args(await extensionRequest("/api/x", { customerGid: CUSTOMER })));
    expect(response.status).toBe(200);
    expectCors(response);
    expect(await response.json()).toEqual({ shop: TEST_SHOP, customerId: "7001", customerGid: CUSTOMER });
  });

  it("GIVEN a guest's token THEN there is no customer, and member routes answer 403 login_required", async () => {
    const guest = await whoAmI(args(await extensionRequest("/api/x")));
    expect(await guest.json()).toMatchObject({ customerId: null, customerGid: null });
    const refused = await memberOnly(args(await extensionRequest("/api/x")));
    expect(refused.status).toBe(403);
    expectCors(refused);
    expect(await refused.json()).toEqual({ error: { code: "login_required" } });
  });

  it("ignores a sub that is not a customer GID", async () => {
    const response = await whoAmI(args(await extensionRequest("/api/x", { customerGid: "gid://shopify/Order/1" })));
    expect(await response.json()).toMatchObject({ customerId: null });
  });

  it.each([
    ["no token", { withToken: false }],
    ["an expired token", { expiresIn: -60, customerGid: CUSTOMER }],
    ["a token signed with another secret", { secret: "not-the-app-secret", customerGid: CUSTOMER }],
  ])("answers 401 unauthenticated with CORS headers for %s", async (_case, options) => {
    const response = await whoAmI(args(await extensionRequest("/api/x", options)));
    expect(response.status).toBe(401);
    expectCors(response);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated" } });
  });

  it("answers the OPTIONS preflight with 204 and CORS headers", async () => {
    const response = await whoAmI(args(await extensionRequest("/api/x", { method: "OPTIONS", withToken: false })));
    expect(response.status).toBe(204);
    expectCors(response);
  });
});

describe("storefront routes: bodies and failures", () => {
  it("parses a valid JSON body", async () => {
    const response = await echo(args(await extensionRequest("/api/x", { body: { couponId: "42" } })));
    expect(await response.json()).toEqual({ couponId: "42" });
  });

  it.each([
    ["a missing field", { couponId: "" }, { couponId: "required" }],
    ["malformed JSON", "{nope", { body: "required" }],
    ["a body over the limit", { couponId: "x".repeat(2000) }, { body: "too_long" }],
  ])("answers 422 invalid_input naming the field for %s", async (_case, body, fields) => {
    const response = await echo(args(await extensionRequest("/api/x", { body })));
    expect(response.status).toBe(422);
    expectCors(response);
    expect(await response.json()).toEqual({ error: { code: "invalid_input", fields } });
  });

  it("answers 429 with Retry-After for a rate limit", async () => {
    const response = await refusing(args(await extensionRequest("/api/x")));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", retryAfterSeconds: 30 } });
  });

  it("answers an unexpected failure 503 unavailable, logged, without leaking the error", async () => {
    const response = await broken(args(await extensionRequest("/api/x")));
    expect(response.status).toBe(503);
    expectCors(response);
    expect(await response.json()).toEqual({ error: { code: "unavailable" } });
    expect(errors.join("\n")).toContain("storefront request failed");
  });
});
