import { BASE64_HOST } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";

import { getDatabase } from "~/db.server";
import { sessionStorage } from "~/shopify.server";
import { adminRequest, offlineSession, TEST_APP, TEST_SHOP, webhookRequest } from "../../tests/shopify";

import { loader } from "./app._index";
import { action as ordersPaid } from "./webhooks.orders.paid";

const db = getDatabase();

beforeEach(async () => {
  await db.webhookEvent.deleteMany({});
  await db.session.deleteMany({});
  await sessionStorage.storeSession(offlineSession());
});

describe("app home loader", () => {
  it("authenticates the session token and summarises the shop's webhook deliveries", async () => {
    // GIVEN two deliveries for this shop (one malformed) and one for another shop
    const path = "/webhooks/orders/paid";
    await ordersPaid({
      request: webhookRequest({ path, topic: "orders/paid", body: { id: 1 } }),
      params: {},
      context: {},
    });
    await ordersPaid({
      request: webhookRequest({ path, topic: "orders/paid", body: "{oops" }),
      params: {},
      context: {},
    });
    await ordersPaid({
      request: webhookRequest({ path, topic: "orders/paid", body: { id: 2 }, shop: "other.myshopify.com" }),
      params: {},
      context: {},
    });

    // WHEN the embedded admin loads the home page with a valid session token
    const result = await loader({ request: await adminRequest("/app"), params: {}, context: {} });

    // THEN only this shop's deliveries are counted
    expect(result.shop).toBe(TEST_SHOP);
    expect(result.webhooks).toEqual({ RECEIVED: 1, PROCESSED: 0, IGNORED: 0, INVALID: 1, FAILED: 0 });
  });

  it("refuses a request without a session token", async () => {
    const url = new URL("/app", TEST_APP.appUrl);
    url.search = new URLSearchParams({ shop: TEST_SHOP, host: BASE64_HOST, embedded: "1" }).toString();
    const request = new Request(url);
    const thrown = await loader({ request, params: {}, context: {} }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    // The library bounces the document to App Bridge to fetch a fresh token.
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toContain("/auth/session-token");
  });

  it("refuses a session token signed with another secret", async () => {
    const forged = await adminRequest("/app");
    const url = new URL(forged.url);
    url.searchParams.set("id_token", `${url.searchParams.get("id_token")}x`);
    const thrown = await loader({ request: new Request(url), params: {}, context: {} }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect([302, 401]).toContain((thrown as Response).status);
  });
});
