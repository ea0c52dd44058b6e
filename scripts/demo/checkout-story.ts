/**
 * The checkout part of `npm run demo`: signed checkout session tokens drive the extension routes of
 * the running app (config → member and coupons → apply), the paid order carrying the minted code
 * books the Diller coupon, and a guest joins on the thank-you page and gets this order's points.
 *
 * Offline there is no Shopify Admin API, so Apply runs the app's checkout service in this process
 * with an in-memory stand-in for Shopify's discounts (the same code path as the route, minus the
 * HTTP hop); everything else goes over HTTP to the production server.
 */
import { createHmac, randomUUID } from "node:crypto";

import { createCheckoutService } from "../../app/checkout/checkout.server";
import type { Database } from "../../app/db.server";
import { createDillerClient } from "../../app/diller/client.server";
import { silentLogger } from "../../app/logger.server";
import type { SecretBox } from "../../app/security/encryption.server";
import type { DiscountGateway } from "../../app/shopify/discounts.server";
import { createDillerStoreReads } from "../../app/shops/diller-store-reads.server";
import { dillerConnectionOf } from "../../app/shops/shop.server";
import { StorefrontHttpError } from "../../app/storefront/errors.server";
import { DEMO_MEMBERS } from "@diller/diller-sandbox";

export interface CheckoutStoryContext {
  baseUrl: string;
  shop: string;
  apiKey: string;
  apiSecret: string;
  db: Database;
  secrets: SecretBox;
  webhook: (topic: string, body: object) => Promise<void>;
  order: (extra?: Record<string, unknown>) => { id: number; name: string; updated_at: string };
  scenarios: { name: string; orderName: string; expected: string }[];
}

const KARI_CUSTOMER_ID = "6100001";

/** An HS256 checkout session token as Shopify signs it: `dest` = the shop, `sub` = the customer. */
export function sessionToken(
  { shop, apiKey, apiSecret }: Pick<CheckoutStoryContext, "shop" | "apiKey" | "apiSecret">,
  customerGid?: string,
): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${encode({ alg: "HS256", typ: "JWT" })}.${encode({
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    ...(customerGid ? { sub: customerGid } : {}),
    exp: now + 300,
    nbf: now - 5,
    iat: now - 5,
    jti: randomUUID(),
  })}`;
  return `${body}.${createHmac("sha256", apiSecret).update(body).digest("base64url")}`;
}

async function extensionCall(context: CheckoutStoryContext, path: string, customerGid?: string, body?: object) {
  const response = await fetch(`${context.baseUrl}${path}`, {
    method: body ? "POST" : "GET",
    headers: {
      Authorization: `Bearer ${sessionToken(context, customerGid)}`,
      Origin: "https://extensions.shopifycdn.com",
      // Extensions run in the shopper's browser; shopify-app-remix answers bot user agents with 410.
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

/** Shopify's discounts, in memory: codes are created and looked up as the Admin API would. */
export function discountStandIn(): DiscountGateway & { created: string[] } {
  const codes = new Map<string, string>();
  const created: string[] = [];
  return {
    created,
    async create(_shop, { input }) {
      const code = String(input.code);
      if (codes.has(code)) return { created: false, codeTaken: true };
      const id = `gid://shopify/DiscountCodeNode/${codes.size + 1}`;
      codes.set(code, id);
      created.push(code);
      return { created: true, discountId: id };
    },
    async findByCode(_shop, code) {
      const id = codes.get(code);
      return id ? { discountId: id, state: "active" } : null;
    },
    async state() {
      return "active";
    },
    async deactivate() {},
  };
}

export async function playCheckoutStory(context: CheckoutStoryContext) {
  const { db, shop } = context;
  const kariGid = `gid://shopify/Customer/${KARI_CUSTOMER_ID}`;
  await db.customerLink.create({
    data: { shop, customerId: KARI_CUSTOMER_ID, memberId: DEMO_MEMBERS.kari, state: "LINKED", linkedBy: "email" },
  });

  const config = await extensionCall(context, "/api/checkout/config");
  const member = await extensionCall(context, "/api/checkout/member", kariGid);
  const couponCount =
    typeof member === "object" && member !== null && "coupons" in member && Array.isArray(member.coupons)
      ? member.coupons.length
      : 0;
  console.log(`  checkout config: ${JSON.stringify(config)}`);
  console.log(`  Kari in checkout: ${couponCount} coupons she can apply`);

  // Apply SUMMER100 (id 2): validated with Diller, minted as a code for Kari only.
  const shopRow = await db.shop.findUniqueOrThrow({ where: { shop } });
  const connection = dillerConnectionOf(shopRow, context.secrets);
  if (!connection) throw new Error("the demo shop is not connected");
  const discounts = discountStandIn();
  const dillerFor = () => createDillerClient({ ...connection, logger: silentLogger });
  const checkout = createCheckoutService({
    db,
    dillerFor,
    storeReads: createDillerStoreReads({ dillerFor }),
    discounts,
    queue: { send: async () => true },
    logger: silentLogger,
  });
  const applied = await checkout
    .applyCoupon({
      shop,
      customerId: KARI_CUSTOMER_ID,
      customerGid: kariGid,
      request: new Request(`${context.baseUrl}/api/checkout/coupons/apply`),
      requireCustomer: () => KARI_CUSTOMER_ID,
      body: async (schema) => schema.parse({ couponId: "2" }),
    })
    .catch((error: unknown) => {
      throw error instanceof StorefrontHttpError ? new Error(`apply refused: ${error.body.code}`) : error;
    });
  console.log(`  Kari applies "100 NOK off": Shopify code ${applied.code} (for her only, single use)`);

  const paid = context.order({
    customer: { id: Number(KARI_CUSTOMER_ID), email: "kari.nordmann@example.com", first_name: "Kari" },
    discount_codes: [{ code: applied.code, amount: "100.00", type: "fixed_amount" }],
  });
  context.scenarios.push({
    name: "Kari pays with the code minted in checkout",
    expected: "SENT",
    orderName: paid.name,
  });
  await context.webhook("orders/paid", paid);

  // A guest pays without consent, then joins on the thank-you page.
  const guest = context.order({
    email: "ingrid.ny@example.com",
    customer: null,
    // The thank-you page offers joining for an hour after the order was placed.
    created_at: new Date().toISOString(),
    phone: "+4791234567",
    billing_address: {
      first_name: "Ingrid",
      last_name: "Ny",
      address1: "Nyveien 2",
      city: "Bergen",
      zip: "5003",
      country_code: "NO",
      phone: "+4791234567",
    },
  });
  context.scenarios.push({ name: "guest joins on the thank-you page", expected: "SENT", orderName: guest.name });
  await context.webhook("orders/paid", guest);
  await waitFor(db, shop, guest.name, (state) => state === "SKIPPED");
  const joined = await extensionCall(context, "/api/checkout/join", undefined, {
    orderId: `gid://shopify/OrderIdentity/${guest.id}`,
    membershipConsent: true,
    marketingConsent: true,
    textVersion: shopRow.consentTextVersion,
  });
  console.log(`  guest on the thank-you page joins: ${JSON.stringify(joined)}`);
  await waitFor(db, shop, guest.name, (state) => state === "SENT");
}

async function waitFor(db: Database, shop: string, orderName: string, done: (state: string) => boolean) {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const record = await db.orderSync.findFirst({ where: { shop, orderName } });
    if (record && done(record.state)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
