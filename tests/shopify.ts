/**
 * Requests as Shopify sends them, signed with the test app's real secret through Shopify's own test
 * helpers (HMAC for webhooks, session-token JWTs for the admin and extensions).
 */
import { randomUUID } from "node:crypto";

import { getHmac, getJwt, RequestType, setUpValidRequest, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";

import { ADMIN_API_VERSION } from "~/api-version";

export const TEST_APP = testConfig();
export const TEST_SHOP = "test-shop.myshopify.com";

export interface WebhookRequestOptions {
  path: string;
  /** Header form, e.g. `orders/paid`. */
  topic: string;
  /** The exact body to sign and send; objects are JSON-encoded. */
  body: string | object;
  shop?: string;
  eventId?: string;
  webhookId?: string;
  secret?: string;
  headers?: Record<string, string>;
}

export function webhookRequest({
  path,
  topic,
  body,
  shop = TEST_SHOP,
  eventId = randomUUID(),
  webhookId = randomUUID(),
  secret = TEST_APP.apiSecretKey,
  headers = {},
}: WebhookRequestOptions): Request {
  const rawBody = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(new URL(path, TEST_APP.appUrl), {
    method: "POST",
    body: rawBody,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": getHmac(rawBody, secret),
      "X-Shopify-Topic": topic,
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": ADMIN_API_VERSION,
      "X-Shopify-Webhook-Id": webhookId,
      "X-Shopify-Event-Id": eventId,
      "X-Shopify-Triggered-At": new Date().toISOString(),
      ...headers,
    },
  });
}

/** An embedded-admin document request carrying a valid session token (id_token) for the shop. */
export function adminRequest(path: string, init?: RequestInit, shop = TEST_SHOP): Promise<Request> {
  return setUpValidRequest(
    {
      type: RequestType.Admin,
      store: shop.replace(/\.myshopify\.com$/, ""),
      apiKey: TEST_APP.apiKey,
      apiSecretKey: TEST_APP.apiSecretKey,
    },
    new Request(new URL(path, TEST_APP.appUrl), init),
  );
}

/** A valid, non-expiring offline session, so authenticate.admin needs no token exchange. */
export function offlineSession(shop = TEST_SHOP) {
  return setUpValidSession({
    shop,
    expires: undefined,
    isOnline: false,
    accessToken: "shpat_test",
    scope: process.env.SCOPES,
  });
}

export interface ExtensionRequestOptions {
  method?: "GET" | "POST" | "OPTIONS";
  /** Objects are JSON-encoded. */
  body?: string | object;
  shop?: string;
  /** `gid://shopify/Customer/…`; omitted = a guest's token (no `sub`). */
  customerGid?: string;
  /** Seconds from now; negative = an expired token. */
  expiresIn?: number;
  /** Sign with another secret (a forged token). */
  secret?: string;
  /** false = no Authorization header at all. */
  withToken?: boolean;
}

/**
 * A request from a checkout or customer-account UI extension: `Authorization: Bearer <session token>`
 * signed with the app secret, `dest` = the shop, `sub` = the customer (only when logged in).
 */
export async function extensionRequest(path: string, options: ExtensionRequestOptions = {}): Promise<Request> {
  const { method = options.body === undefined ? "GET" : "POST", shop = TEST_SHOP, withToken = true } = options;
  const headers = new Headers({ Origin: "https://extensions.shopifycdn.com" });
  if (withToken) {
    const now = Math.floor(Date.now() / 1000);
    const { token } = await getJwt(
      shop.replace(/\.myshopify\.com$/, ""),
      TEST_APP.apiKey,
      options.secret ?? TEST_APP.apiSecretKey,
      {
        iss: `https://${shop}`,
        sub: options.customerGid,
        exp: now + (options.expiresIn ?? 300),
        nbf: now - 10,
        iat: now - 10,
      },
    );
    headers.set("Authorization", `Bearer ${token}`);
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers.set("Content-Type", "application/json");
  }
  return new Request(new URL(path, TEST_APP.appUrl), { method, headers, body });
}
