import { describe, expect, it } from "vitest";

import { getDatabase, type Database } from "~/db.server";
import { silentLogger } from "~/logger.server";

import { createWebhookReceiver, type VerifiedWebhook } from "./receive.server";

const verified: VerifiedWebhook = {
  shop: "a.myshopify.com",
  topic: "ORDERS_PAID",
  webhookId: "wh-1",
  eventId: "evt-1",
  apiVersion: "2026-07",
  payload: { id: 1 },
};

function request() {
  return new Request("https://app.example.com/webhooks/orders/paid", { method: "POST", body: '{"id":1}' });
}

describe("createWebhookReceiver", () => {
  it("answers 503 with Retry-After when the inbox cannot store the delivery, so Shopify retries", async () => {
    // GIVEN a database that is down
    const unavailable = {
      webhookEvent: {
        create: () => Promise.reject(new Error("connection refused")),
      },
    } as unknown as Database;
    const receive = createWebhookReceiver({
      authenticateWebhook: async () => verified,
      db: unavailable,
      logger: silentLogger,
    });
    // WHEN a verified webhook arrives
    const response = await receive(request(), ["ORDERS_PAID"]);
    // THEN it is not acknowledged
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
  });

  it("answers 503 when verification fails for a reason other than the request", async () => {
    const receive = createWebhookReceiver({
      authenticateWebhook: () => Promise.reject(new Error("session storage offline")),
      db: getDatabase(),
      logger: silentLogger,
    });
    expect((await receive(request(), ["ORDERS_PAID"])).status).toBe(503);
  });

  it("still acknowledges a stored delivery when its immediate handler fails", async () => {
    const db = getDatabase();
    const receive = createWebhookReceiver({
      authenticateWebhook: async () => verified,
      db,
      logger: silentLogger,
      immediateHandlers: { ORDERS_PAID: () => Promise.reject(new Error("boom")) },
    });
    expect((await receive(request(), ["ORDERS_PAID"])).status).toBe(200);
    expect(await db.webhookEvent.count({ where: { shop: verified.shop } })).toBe(1);
  });
});
