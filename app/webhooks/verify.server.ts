import { createHmac, timingSafeEqual } from "node:crypto";

import { topicForStorage } from "./inbox.server";
import type { IncomingWebhook, WebhookAnswer } from "./incoming";

/** The delivery's identity, from Shopify's headers, once its HMAC checked out. */
export interface WebhookHeaders {
  shop: string;
  /** Storage form, e.g. `ORDERS_PAID`. */
  topic: string;
  webhookId: string;
  eventId?: string;
  apiVersion: string;
  triggeredAt?: string;
}

export type VerifyWebhook = (
  request: Pick<IncomingWebhook, "method" | "header">,
  rawBody: Uint8Array,
) => WebhookHeaders | WebhookAnswer;

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$/;

/**
 * Verifies a webhook the way Shopify specifies it: HMAC-SHA256 of the exact body bytes with the
 * app's secret, compared in constant time, plus the headers that identify the delivery. It needs
 * nothing but the secret: no session, no token refresh, no network, so storing a delivery can never
 * wait on (or fail with) the shop's access token. 405 for another method, 401 for a bad or
 * missing signature, 400 for a signed request without Shopify's headers.
 */
export function createWebhookVerifier(apiSecret: string): VerifyWebhook {
  return (request, rawBody) => {
    if (request.method !== "POST") return { status: 405, headers: { Allow: "POST" } };
    const signature = request.header("x-shopify-hmac-sha256") ?? "";
    const expected = createHmac("sha256", apiSecret).update(rawBody).digest();
    const given = Buffer.from(signature, "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { status: 401 };
    }
    const header = (name: string) => request.header(name)?.trim() ?? "";
    const shop = header("x-shopify-shop-domain").toLowerCase();
    const topic = header("x-shopify-topic");
    const webhookId = header("x-shopify-webhook-id");
    const apiVersion = header("x-shopify-api-version");
    if (!SHOP_DOMAIN.test(shop) || !topic || !webhookId || !apiVersion) return { status: 400 };
    const bounded = (value: string) => (value && value.length <= 255 ? value : undefined);
    return {
      shop,
      topic: topicForStorage(topic),
      webhookId: webhookId.slice(0, 255),
      apiVersion: apiVersion.slice(0, 32),
      eventId: bounded(header("x-shopify-event-id")),
      triggeredAt: bounded(header("x-shopify-triggered-at")),
    };
  };
}
