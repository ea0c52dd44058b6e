/**
 * Checkout end to end: the extension routes (signed session tokens), Shopify's discounts in the fake
 * Admin API, signed order webhooks, the sync engine, and the Diller sandbox. A minted code on an order
 * reserves and redeems its Diller coupon and a cancellation releases it; forged consent enrols no
 * one; a guest who joins on the thank-you page gets this order's points.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { createCheckoutService } from "~/checkout/checkout.server";
import { silentLogger } from "~/logger.server";

import { extensionRequest, TEST_SHOP } from "../shopify";
import { fakeDiscounts } from "../shopify-discounts-fake";
import { nokOrderFixture, startSyncHarness, type SyncHarness } from "../sync/harness";

const CUSTOMER_ID = 8_100_001;
const CUSTOMER_GID = `gid://shopify/Customer/${CUSTOMER_ID}`;
const discounts = fakeDiscounts();
let h: SyncHarness;
let checkout: ReturnType<typeof createCheckoutService>;

beforeAll(async () => {
  h = await startSyncHarness();
  Object.assign(h.adminApi.resolvers, discounts.resolvers);
  await h.app.db.customerLink.create({
    data: { shop: TEST_SHOP, customerId: String(CUSTOMER_ID), memberId: DEMO_MEMBERS.kari, state: "LINKED" },
  });
  // The service as the composition root builds it, but queueing on this harness's engine.
  checkout = createCheckoutService({
    db: h.app.db,
    dillerFor: h.app.dillerClientFor,
    storeReads: h.app.storeReads,
    discounts: h.app.discountGateway,
    queue: h.queue,
    logger: silentLogger,
  });
}, 60_000);
afterAll(() => h.stop());

let nextOrderId = 9_100_000;
function order(overrides: Record<string, unknown> = {}) {
  const base = nokOrderFixture();
  const id = nextOrderId++;
  return {
    ...base,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#C${id}`,
    email: "kari.nordmann@example.com",
    customer: { id: CUSTOMER_ID, email: "kari.nordmann@example.com" },
    created_at: new Date().toISOString(),
    updated_at: new Date(Date.now() + id).toISOString(),
    ...overrides,
  };
}
const pending = (paid: ReturnType<typeof order>) => ({
  ...paid,
  financial_status: "pending",
  updated_at: new Date(Date.parse(paid.updated_at) - 60_000).toISOString(),
});

async function applyCoupon(couponId: string): Promise<string> {
  const route = h.app.storefront.checkout.action((context) => checkout.applyCoupon(context));
  const request = await extensionRequest("/api/checkout/coupons/apply", {
    customerGid: CUSTOMER_GID,
    body: { couponId },
  });
  const response = await route({ request, params: {}, context: {} });
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("code" in body) || typeof body.code !== "string")
    throw new Error(`apply answered ${response.status} ${JSON.stringify(body)}`);
  return body.code;
}

const reservations = (couponId: number) =>
  h.demoStore().couponReservations.filter((reservation) => reservation.couponId === couponId);

describe("a minted code on an order", () => {
  it("GIVEN an order carrying a minted code WHEN it is placed THEN the Diller coupon is reserved, AND WHEN paid THEN booked in the transaction", async () => {
    const code = await applyCoupon("2"); // SUMMER100, 100 NOK off
    const paid = order({ discount_codes: [{ code, amount: "20.00", type: "fixed_amount" }] });
    await h.deliver("orders/create", pending(paid));
    await h.settle();
    expect(reservations(2)).toMatchObject([{ memberId: DEMO_MEMBERS.kari }]);
    expect(await h.app.db.checkoutCouponCode.findFirst({ where: { code } })).toMatchObject({ status: "USED" });

    await h.deliver("orders/paid", paid);
    await h.settle();
    const transaction = h.transactions().find((candidate) => candidate.externalId.endsWith(`-${paid.id}`));
    expect(transaction?.memberId).toBe(DEMO_MEMBERS.kari);
    expect(transaction?.redeemedCoupons.map((coupon) => coupon.code)).toEqual(["SUMMER100"]);
    expect(reservations(2)).toEqual([]);
    expect(await h.orderSync(String(paid.id))).toMatchObject({ state: "SENT" });
  });

  it("GIVEN an order carrying a minted code WHEN it is cancelled THEN the coupon reservation is released", async () => {
    const code = await applyCoupon("1"); // WELCOME10
    const placed = order({ discount_codes: [{ code, amount: "39.90", type: "percentage" }] });
    await h.deliver("orders/create", pending(placed));
    await h.settle();
    expect(reservations(1)).toHaveLength(1);

    await h.deliver("orders/cancelled", {
      ...pending(placed),
      cancelled_at: new Date().toISOString(),
      financial_status: "voided",
      updated_at: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    await h.settle();
    expect(reservations(1)).toEqual([]);
    expect(await h.orderSync(String(placed.id))).toMatchObject({ state: "CANCELLED" });
    expect(h.transactions().some((candidate) => candidate.externalId.endsWith(`-${placed.id}`))).toBe(false);
  });
});

describe("consent for guests", () => {
  // The demo store requires a segment answer a checkout cannot ask for; this merchant's does not,
  // so any consent that were trusted would enrol the guest.
  beforeAll(() => {
    for (const segment of h.demoStore().segments) segment.is_required = false;
  });
  afterAll(() => {
    for (const segment of h.demoStore().segments) segment.is_required = segment.id === 3;
  });

  const guest = (email: string, phone: string, overrides: Record<string, unknown> = {}) =>
    order({
      email,
      customer: null,
      phone,
      billing_address: { first_name: "G", last_name: "Uest", phone },
      ...overrides,
    });

  it.each([
    [
      "the _diller_consent cart attribute",
      { note_attributes: [{ name: "_diller_consent", value: '{"membership":true}' }] },
    ],
    [
      "another app's metafield namespace",
      { metafields: [{ namespace: "app--424242", key: "diller_consent", value: '{"membership":true}' }] },
    ],
  ])("enrols no one on forged consent in %s", async (_source, forged) => {
    const email = `forged.${nextOrderId}@example.com`;
    const paid = guest(email, `+479${nextOrderId % 10_000_000}`, forged);
    await h.deliver("orders/paid", paid);
    await h.settle();
    expect(await h.orderSync(String(paid.id))).toMatchObject({ state: "SKIPPED" });
    expect(h.demoStore().members.some((member) => member.email === email)).toBe(false);
  });

  it("GIVEN a guest's paid order WHEN the guest joins on the thank-you page THEN the guest is registered and this order booked to the new member", async () => {
    const paid = guest("thank.you@example.com", "+4791119999");
    await h.deliver("orders/paid", paid);
    await h.settle();
    expect(await h.orderSync(String(paid.id))).toMatchObject({ state: "SKIPPED" });

    const join = h.app.storefront.checkout.action((context) => checkout.join(context));
    const body = {
      orderId: `gid://shopify/OrderIdentity/${paid.id}`,
      membershipConsent: true,
      marketingConsent: false,
      textVersion: 2,
    };
    const response = await join({
      request: await extensionRequest("/api/checkout/join", { body }),
      params: {},
      context: {},
    });
    expect(await response.json()).toEqual({ status: "joining" });
    await h.settle();

    const member = h.demoStore().members.find((candidate) => candidate.email === "thank.you@example.com");
    expect(member?.consent).toMatchObject({ gdpr_accepted: true, receive_email: false });
    const record = await h.orderSync(String(paid.id));
    expect(record).toMatchObject({ state: "SENT", memberId: member?.id });
    expect(JSON.parse(record?.consentJson ?? "{}")).toMatchObject({ textVersion: "2", source: "thank-you" });
  });
});
