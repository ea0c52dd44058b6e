import { existsSync, readdirSync } from "node:fs";

import type { ActionFunction } from "@remix-run/node";
import { beforeEach, describe, expect, it } from "vitest";

import { ADMIN_API_VERSION } from "~/api-version";
import { getDatabase } from "~/db.server";
import { webhookJobOf } from "~/sync/webhook-jobs";
import { appLifecycleHandlers } from "~/webhooks/app-lifecycle.server";
import { webhookTopicsFor } from "~/webhooks/endpoints";
import { readWebhookConfig, routeFileForUri } from "~/webhooks/subscriptions";
import type { WebhookRoute } from "~/webhooks/webhook-route";
import { offlineSession, TEST_APP, TEST_SHOP, webhookRequest } from "../../tests/shopify";

const config = readWebhookConfig();
const db = getDatabase();

async function callAction(path: string, request: Request): Promise<Response> {
  const module = (await import(/* @vite-ignore */ `../../${routeFileForUri(path)}`)) as { action: ActionFunction };
  try {
    const result = await module.action({ request, params: {}, context: {} });
    if (!(result instanceof Response)) throw new Error(`${path} returned a non-Response`);
    return result;
  } catch (thrown) {
    // authenticate.webhook throws Responses (401/400/405); a route must never throw anything else.
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeEach(async () => {
  await db.webhookEvent.deleteMany({});
  await db.session.deleteMany({});
  await db.shop.upsert({ where: { shop: TEST_SHOP }, create: { shop: TEST_SHOP }, update: {} });
});

describe("shopify.app.toml webhook subscriptions", () => {
  it("use the app's Admin API version", () => {
    expect(config.api_version).toBe(ADMIN_API_VERSION);
  });

  it.each(config.subscriptions.map((subscription) => [subscription.uri, subscription]))(
    "%s has a route with an action",
    async (uri) => {
      expect(existsSync(routeFileForUri(uri)), `${routeFileForUri(uri)} is missing`).toBe(true);
      const module = await import(/* @vite-ignore */ `../../${routeFileForUri(uri)}`);
      expect(module.action).toBeTypeOf("function");
    },
  );

  it.each(config.subscriptions.map(({ uri }) => [uri]))(
    "%s names the job sync runs for its topics, and that job's handler exists",
    async (uri) => {
      const { webhook } = (await import(/* @vite-ignore */ `../../${routeFileForUri(uri)}`)) as {
        webhook: WebhookRoute;
      };
      for (const topic of webhook.topics) expect(webhookJobOf(topic), topic).toBe(webhook.job);
      const handler = [`app/sync/${webhook.job}/handler.server.ts`, `app/sync/${webhook.job}.server.ts`];
      expect(handler.some(existsSync), `${handler.join(" or ")} is missing`).toBe(true);
    },
  );

  it.each(config.subscriptions.map(({ uri }) => [uri]))(
    "%s says whether app/webhooks/app-lifecycle.server.ts handles it at receipt",
    async (uri) => {
      const { webhook } = (await import(/* @vite-ignore */ `../../${routeFileForUri(uri)}`)) as {
        webhook: WebhookRoute;
      };
      const lifecycleTopics = Object.keys(appLifecycleHandlers(db));
      const handledAtReceipt = webhook.topics.filter((topic) => lifecycleTopics.includes(topic));
      expect(handledAtReceipt).toEqual(webhook.immediately === "app-lifecycle" ? webhook.topics : []);
    },
  );

  it.each(config.subscriptions.map(({ uri }) => [uri]))(
    "%s accepts the topics of its own URL in the table the production fast path (server.mjs) uses",
    async (uri) => {
      const { webhook } = (await import(/* @vite-ignore */ `../../${routeFileForUri(uri)}`)) as {
        webhook: WebhookRoute;
      };
      expect(webhookTopicsFor(new URL(uri, "https://app.example").pathname)).toEqual(webhook.topics);
    },
  );

  it("has a subscription for every webhook route", () => {
    const routeFiles = readdirSync("app/routes").filter(
      (file) => /^webhooks\..*\.tsx$/.test(file) && !file.includes(".test."),
    );
    const subscribed = new Set(config.subscriptions.map(({ uri }) => routeFileForUri(uri)));
    expect(routeFiles.map((file) => `app/routes/${file}`).filter((file) => !subscribed.has(file))).toEqual([]);
  });

  it("covers every topic the product needs", () => {
    expect(config.subscriptions.flatMap(({ topics }) => topics).sort()).toEqual(
      [
        "app/scopes_update",
        "app/uninstalled",
        "customers/create",
        "customers/data_request",
        "customers/redact",
        "customers/update",
        "orders/cancelled",
        "orders/create",
        "orders/fulfilled",
        "orders/paid",
        "refunds/create",
        "shop/redact",
      ].sort(),
    );
  });

  // The smallest payload each topic is processed with (its subject: order, customer or shop).
  const minimalBody = (topic: string) => {
    if (topic === "refunds/create") return { id: 1, order_id: 2 };
    if (topic === "customers/redact" || topic === "customers/data_request") return { customer: { id: 3 } };
    return { id: 1 };
  };
  const deliveries = config.subscriptions.flatMap(({ uri, topics }) => topics.map((topic) => [topic, uri] as const));
  it.each(deliveries)("a signed %s delivery to %s is stored and answered 200", async (topic, uri) => {
    const response = await callAction(uri, webhookRequest({ path: uri, topic, body: minimalBody(topic) }));
    expect(response.status).toBe(200);
    const stored = await db.webhookEvent.findMany({ where: { shop: TEST_SHOP } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      topic: topic.toUpperCase().replace(/[/.]/g, "_"),
      status: "RECEIVED",
      apiVersion: ADMIN_API_VERSION,
      payload: JSON.stringify(minimalBody(topic)),
    });
  });
});

describe("webhook delivery edge cases", () => {
  const path = "/webhooks/orders/paid";

  it("rejects a wrong HMAC with 401 and stores nothing", async () => {
    const request = webhookRequest({ path, topic: "orders/paid", body: { id: 1 }, secret: "not-the-secret" });
    expect((await callAction(path, request)).status).toBe(401);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it("rejects a GET with 405", async () => {
    const response = await callAction(path, new Request(new URL(path, TEST_APP.appUrl)));
    expect(response.status).toBe(405);
  });

  it("rejects a signed delivery without Shopify's headers with 400", async () => {
    const signed = webhookRequest({ path, topic: "orders/paid", body: { id: 1 } });
    signed.headers.delete("X-Shopify-Webhook-Id");
    expect((await callAction(path, signed)).status).toBe(400);
  });

  it("stores a duplicate event once and counts the repeat", async () => {
    const first = webhookRequest({ path, topic: "orders/paid", body: { id: 7 }, eventId: "evt-1", webhookId: "wh-1" });
    const retry = webhookRequest({ path, topic: "orders/paid", body: { id: 7 }, eventId: "evt-1", webhookId: "wh-2" });
    expect((await callAction(path, first)).status).toBe(200);
    expect((await callAction(path, retry)).status).toBe(200);
    const stored = await db.webhookEvent.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.duplicates).toBe(1);
  });

  it("keeps a malformed JSON body as INVALID and answers 200", async () => {
    const request = webhookRequest({ path, topic: "orders/paid", body: '{"id": 1,' });
    expect((await callAction(path, request)).status).toBe(200);
    const [stored] = await db.webhookEvent.findMany();
    expect(stored).toMatchObject({
      status: "INVALID",
      payload: '{"id": 1,',
      topic: "ORDERS_PAID",
      note: "body is not valid JSON",
    });
  });

  it.each([["[1,2]"], ["null"], ['"text"']])("keeps a non-object payload %s as INVALID", async (body) => {
    expect((await callAction(path, webhookRequest({ path, topic: "orders/paid", body }))).status).toBe(200);
    const [stored] = await db.webhookEvent.findMany();
    expect(stored).toMatchObject({ status: "INVALID", payload: body });
  });

  it.each([
    ["/webhooks/refunds/create", "refunds/create", { id: 5 }, "refund payload without a valid order_id"],
    ["/webhooks/orders/paid", "orders/paid", { id: "not-a-number" }, "order payload without a valid id"],
    [
      "/webhooks/customers/update",
      "customers/update",
      { email: "x@example.com" },
      "customer payload without a valid id",
    ],
  ])("keeps a %s payload without its subject id as INVALID", async (uri, topic, body, note) => {
    expect((await callAction(uri, webhookRequest({ path: uri, topic, body }))).status).toBe(200);
    const [stored] = await db.webhookEvent.findMany();
    expect(stored).toMatchObject({ status: "INVALID", note });
  });

  it("records which order or customer a delivery is about", async () => {
    await callAction(
      "/webhooks/refunds/create",
      webhookRequest({
        path: "/webhooks/refunds/create",
        topic: "refunds/create",
        body: { id: 9, order_id: 450789469 },
      }),
    );
    await callAction(
      "/webhooks/customers/create",
      webhookRequest({ path: "/webhooks/customers/create", topic: "customers/create", body: { id: 207119551 } }),
    );
    const stored = await db.webhookEvent.findMany({
      orderBy: { receivedAt: "asc" },
      select: { topic: true, orderId: true, customerId: true },
    });
    expect(stored).toEqual([
      { topic: "REFUNDS_CREATE", orderId: "450789469", customerId: null },
      { topic: "CUSTOMERS_CREATE", orderId: null, customerId: "207119551" },
    ]);
  });

  it("keeps a topic sent to the wrong endpoint as IGNORED", async () => {
    const request = webhookRequest({ path, topic: "customers/create", body: { id: 1 } });
    expect((await callAction(path, request)).status).toBe(200);
    const [stored] = await db.webhookEvent.findMany();
    expect(stored).toMatchObject({ status: "IGNORED", topic: "CUSTOMERS_CREATE" });
  });

  it("deletes the shop's sessions on app/uninstalled, also when delivered twice", async () => {
    await db.session.create({ data: { id: "offline_test", shop: TEST_SHOP, state: "", accessToken: "t" } });
    await db.session.create({
      data: { id: "offline_other", shop: "other.myshopify.com", state: "", accessToken: "t" },
    });
    const uri = "/webhooks/app/uninstalled";
    for (const webhookId of ["a", "b"]) {
      const response = await callAction(
        uri,
        webhookRequest({ path: uri, topic: "app/uninstalled", body: { id: 1 }, webhookId }),
      );
      expect(response.status).toBe(200);
    }
    expect(await db.session.findMany({ select: { shop: true } })).toEqual([{ shop: "other.myshopify.com" }]);
  });

  it("records the new scopes on app/scopes_update", async () => {
    const session = offlineSession();
    await db.session.create({
      data: { id: session.id, shop: TEST_SHOP, state: "", accessToken: "t", scope: "read_orders" },
    });
    const uri = "/webhooks/app/scopes_update";
    const body = {
      id: 1,
      previous: ["read_orders"],
      current: ["read_orders", "write_discounts"],
      updated_at: "2026-11-28T10:00:00Z",
    };
    expect((await callAction(uri, webhookRequest({ path: uri, topic: "app/scopes_update", body }))).status).toBe(200);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).scope).toBe(
      "read_orders,write_discounts",
    );
  });

  it("stores a delivery while the shop's offline token has expired and cannot be refreshed", async () => {
    // GIVEN an expiring offline token that is past its expiry (a refresh would need Shopify)
    await db.session.create({
      data: {
        id: offlineSession().id,
        shop: TEST_SHOP,
        state: "",
        accessToken: "shpat_expired",
        expires: new Date(Date.now() - 60_000),
        refreshToken: "shprt_refresh",
        refreshTokenExpires: new Date(Date.now() + 86_400_000),
      },
    });
    // WHEN an order arrives
    const response = await callAction(path, webhookRequest({ path, topic: "orders/paid", body: { id: 77 } }));
    // THEN it is stored and acknowledged without touching the token (no outbound call at all)
    expect(response.status).toBe(200);
    expect(await db.webhookEvent.findMany({ select: { status: true, orderId: true } })).toEqual([
      { status: "RECEIVED", orderId: "77" },
    ]);
  });

  it("does not delete another shop's sessions when an app/uninstalled body is replayed under its domain", async () => {
    const victim = "victim.myshopify.com";
    await db.shop.upsert({ where: { shop: victim }, create: { shop: victim }, update: {} });
    await db.session.create({ data: { id: "offline_victim", shop: victim, state: "", accessToken: "t" } });
    const uri = "/webhooks/app/uninstalled";
    // A body Shopify signed for test-shop, sent again with the victim's domain in the (unsigned) header.
    const replay = webhookRequest({
      path: uri,
      topic: "app/uninstalled",
      body: { id: 1, myshopify_domain: TEST_SHOP, domain: TEST_SHOP },
      shop: victim,
    });
    expect((await callAction(uri, replay)).status).toBe(200);
    expect(await db.session.count({ where: { shop: victim } })).toBe(1);
    const [stored] = await db.webhookEvent.findMany({ where: { shop: victim } });
    expect(stored).toMatchObject({ status: "INVALID", payload: "{}" });
  });

  it("answers 413 to a body above the limit", async () => {
    const big = JSON.stringify({ id: 1, note: "x".repeat(6 * 1024 * 1024) });
    const response = await callAction(path, webhookRequest({ path, topic: "orders/paid", body: big }));
    expect(response.status).toBe(413);
    expect(await db.webhookEvent.count()).toBe(0);
  });
});
