/**
 * The production server answers webhooks before Remix (server.mjs → webhookFastPath). For every
 * URL it takes, it must answer exactly as the Remix route does: same status, same headers that
 * matter, same stored rows. Each delivery below goes through both, on an emptied inbox.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { ActionFunction } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { getDatabase } from "~/db.server";
import { getEnv } from "~/env.server";
import { webhookFastPath } from "~/shopify.server";

import { TEST_SHOP, webhookRequest } from "../../tests/shopify";

import { WEBHOOK_ENDPOINTS } from "./endpoints";
import { topicForStorage } from "./inbox.server";
import { readWebhookConfig, routeFileForUri } from "./subscriptions";

const db = getDatabase();
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  server = createServer((request, response) =>
    webhookFastPath(request, response, () => {
      response.writeHead(404).end("passed on");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  await db.webhookEvent.deleteMany({});
  await db.shop.upsert({ where: { shop: TEST_SHOP }, create: { shop: TEST_SHOP }, update: {} });
});

interface Outcome {
  status: number;
  headers: Record<string, string | null>;
  rows: unknown[];
}

async function storedRows() {
  const rows = await db.webhookEvent.findMany({
    orderBy: [{ topic: "asc" }, { eventId: "asc" }],
    select: {
      shop: true,
      topic: true,
      eventId: true,
      webhookId: true,
      apiVersion: true,
      triggeredAt: true,
      payload: true,
      status: true,
      note: true,
      duplicates: true,
      orderId: true,
      customerId: true,
    },
  });
  await db.webhookEvent.deleteMany({});
  return rows;
}

const headersOf = (headers: Headers) => ({
  allow: headers.get("allow"),
  "retry-after": headers.get("retry-after"),
});

/** The deliveries through the Remix route's action, in order, then what the inbox holds. */
async function throughRoute(requests: Request[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const request of requests) {
    const path = new URL(request.url).pathname;
    const route = (await import(/* @vite-ignore */ `../../${routeFileForUri(path)}`)) as { action: ActionFunction };
    const response = (await route.action({ request, params: {}, context: {} })) as Response;
    outcomes.push({ status: response.status, headers: headersOf(response.headers), rows: [] });
  }
  const rows = await storedRows();
  return outcomes.map((outcome) => ({ ...outcome, rows }));
}

/** The same bytes and headers over HTTP to the fast path. */
async function throughFastPath(requests: Request[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const request of requests) {
    const url = new URL(request.url);
    const response = await fetch(new URL(url.pathname + url.search, baseUrl), {
      method: request.method,
      headers: request.headers,
      body: request.method === "POST" ? await request.arrayBuffer() : undefined,
    });
    await response.arrayBuffer();
    outcomes.push({ status: response.status, headers: headersOf(response.headers), rows: [] });
  }
  const rows = await storedRows();
  return outcomes.map((outcome) => ({ ...outcome, rows }));
}

/** Builds the deliveries twice (a Request's body can be read once) and compares both answers. */
async function expectSameAnswers(make: () => Request[]) {
  const viaRoute = await throughRoute(make());
  const viaFastPath = await throughFastPath(make());
  expect(viaFastPath).toEqual(viaRoute);
  return viaRoute;
}

const fixed = { eventId: "evt-1", webhookId: "wh-1", headers: { "X-Shopify-Triggered-At": "2026-01-02T03:04:05Z" } };
const paid = (options: Partial<Parameters<typeof webhookRequest>[0]> = {}) =>
  webhookRequest({ path: "/webhooks/orders/paid", topic: "orders/paid", body: { id: 42 }, ...fixed, ...options });

it("the endpoint table lists exactly shopify.app.toml's subscriptions", () => {
  const subscribed = readWebhookConfig().subscriptions.map(({ uri, topics }) => [uri, topics.map(topicForStorage)]);
  expect(Object.entries(WEBHOOK_ENDPOINTS).sort()).toEqual(subscribed.sort());
});

describe("the webhook fast path answers as the Remix routes do", () => {
  const minimalBody = (topic: string) => {
    if (topic === "REFUNDS_CREATE") return { id: 1, order_id: 2 };
    if (topic === "CUSTOMERS_REDACT" || topic === "CUSTOMERS_DATA_REQUEST") return { customer: { id: 3 } };
    if (topic === "SHOP_REDACT") return { shop_domain: TEST_SHOP };
    return { id: 1 };
  };
  const deliveries = Object.entries(WEBHOOK_ENDPOINTS).flatMap(([path, topics]) =>
    topics.map((topic) => [topic, path] as const),
  );

  it.each(deliveries)("a valid %s delivery to %s", async (topic, path) => {
    const headerTopic = topic.toLowerCase().replace("_", "/");
    const [answer] = await expectSameAnswers(() => [
      webhookRequest({ path, topic: headerTopic, body: minimalBody(topic), ...fixed }),
    ]);
    expect(answer).toMatchObject({ status: 200, rows: [{ topic, status: "RECEIVED" }] });
  });

  it.each([
    ["a forged HMAC", () => [paid({ secret: "not-the-secret" })], 401],
    ["an unknown topic for the URL", () => [paid({ topic: "orders/create" })], 200],
    ["a malformed body", () => [paid({ body: '{"id": 42,' })], 200],
    ["a JSON array", () => [paid({ body: "[1,2]" })], 200],
    ["an order without an id", () => [paid({ body: { name: "#1" } })], 200],
    ["a shop that never installed the app", () => [paid({ shop: "stranger.myshopify.com" })], 200],
    ["a body naming another shop", () => [paid({ body: { id: 1, myshopify_domain: "victim.myshopify.com" } })], 200],
    ["NUL characters in the body", () => [paid({ body: '{"id":1,"note":"a\\u0000b"}' })], 200],
    ["a retry of the same event", () => [paid(), paid({ webhookId: "wh-2" })], 200],
    [
      "a delivery without a webhook id",
      () => [paid({ headers: { ...fixed.headers, "X-Shopify-Webhook-Id": "" } })],
      400,
    ],
    [
      "a body above the limit",
      () => [paid({ body: { id: 1, padding: "x".repeat(getEnv().MAX_REQUEST_BODY_BYTES) } })],
      413,
    ],
  ] as const)("%s", async (_name, make, status) => {
    const answers = await expectSameAnswers(() => [...make()]);
    expect(answers.at(-1)?.status).toBe(status);
  });

  it("passes any other URL under /webhooks/ on to Remix", async () => {
    const response = await fetch(new URL("/webhooks/orders/unknown", baseUrl), { method: "POST", body: "{}" });
    expect(await response.text()).toBe("passed on");
  });

  it("passes a GET to a webhook URL on to Remix", async () => {
    const response = await fetch(new URL("/webhooks/orders/paid", baseUrl));
    expect(await response.text()).toBe("passed on");
  });
});
