/** POST /api/checkout/join: who may join for which order, and what is stored. */
import { describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { TEST_SHOP } from "../../tests/shopify";
import { silentLogger } from "~/logger.server";

import { createCheckoutService } from "./checkout.server";
import { app, call, KARI, STRANGER, useCheckoutFixture } from "./testing/checkout-fixture";

useCheckoutFixture();
const sent: unknown[] = [];
const service = () =>
  createCheckoutService({
    db: app.db,
    dillerFor: app.dillerClientFor,
    storeReads: app.storeReads,
    discounts: app.discountGateway,
    queue: { send: async (name, payload) => sent.push({ name, payload }) > 0 },
    logger: silentLogger,
  });
const join = app.storefront.checkout.action((context) => service().join(context));

let nextOrder = 4_400_000;
async function knownOrder(overrides: Record<string, unknown> = {}, record: Record<string, unknown> = {}) {
  const id = nextOrder++;
  await app.db.orderSync.create({
    data: {
      shop: TEST_SHOP,
      orderId: String(id),
      orderJson: JSON.stringify({ id, created_at: new Date().toISOString(), customer: null, ...overrides }),
      state: "SKIPPED",
      ...record,
    },
  });
  return id;
}
const body = (orderId: number | string, extra: Record<string, unknown> = {}) => ({
  orderId: `gid://shopify/OrderIdentity/${orderId}`,
  membershipConsent: true,
  marketingConsent: true,
  textVersion: 4,
  ...extra,
});
const post = (payload: object, customerGid?: string) =>
  call(join, "/api/checkout/join", { body: payload, customerGid });

describe("POST /api/checkout/join", () => {
  it("stores the guest's consent with its text version on the order and syncs the order again", async () => {
    const orderId = await knownOrder();
    expect(await post(body(orderId))).toMatchObject({ status: 200, body: { status: "joining" } });
    const record = await app.db.orderSync.findUniqueOrThrow({
      where: { shop_orderId: { shop: TEST_SHOP, orderId: String(orderId) } },
    });
    expect(JSON.parse(record.consentJson ?? "{}")).toMatchObject({
      membership: true,
      marketing: true,
      textVersion: "4",
      source: "thank-you",
    });
    expect(sent.at(-1)).toEqual({ name: "order-sync", payload: { shop: TEST_SHOP, orderId: String(orderId) } });
    // A double click changes nothing and queues nothing more.
    const queued = sent.length;
    expect(await post(body(orderId, { marketingConsent: false }))).toMatchObject({ body: { status: "joining" } });
    expect(sent).toHaveLength(queued);
  });

  it("accepts the order's own GID as well", async () => {
    const orderId = await knownOrder();
    const response = await post({ ...body(orderId), orderId: `gid://shopify/Order/${orderId}` });
    expect(response.body).toEqual({ status: "joining" });
  });

  it.each([
    ["an order the app has not seen (yet)", async () => 999_999, undefined, 404, "not_found"],
    [
      "an order placed over an hour ago",
      () => knownOrder({ created_at: new Date(Date.now() - 2 * 3600_000).toISOString() }),
      undefined,
      404,
      "not_found",
    ],
    ["another customer's order", () => knownOrder({ customer: { id: 7001 } }), STRANGER, 403, "forbidden"],
    ["a guest order for a logged-in token", () => knownOrder(), KARI, 403, "forbidden"],
  ])("refuses %s", async (_case, order, customerGid, status, code) => {
    const queued = sent.length;
    expect(await post(body(await order()), customerGid)).toMatchObject({ status, body: { error: { code } } });
    expect(sent).toHaveLength(queued);
  });

  it("answers already_member for an order booked to a member, or a customer linked to one", async () => {
    const booked = await knownOrder({}, { memberId: DEMO_MEMBERS.kari, state: "SENT" });
    expect((await post(body(booked))).body).toEqual({ status: "already_member" });
    await app.db.customerLink.upsert({
      where: { shop_customerId: { shop: TEST_SHOP, customerId: "7001" } },
      create: { shop: TEST_SHOP, customerId: "7001", memberId: DEMO_MEMBERS.kari, state: "LINKED" },
      update: {},
    });
    const kariOrder = await knownOrder({ customer: { id: 7001 } });
    expect((await post(body(kariOrder), KARI)).body).toEqual({ status: "already_member" });
  });

  it.each([
    ["without membership consent", { membershipConsent: false }, { membershipConsent: "must_accept" }],
    ["with a malformed order id", { orderId: "order-1" }, { orderId: "required" }],
    ["without a text version", { textVersion: undefined }, { textVersion: "required" }],
  ])("names the field %s", async (_case, extra, fields) => {
    const response = await post(body(1, extra));
    expect(response).toMatchObject({ status: 422, body: { error: { code: "invalid_input", fields } } });
  });

  it("is not offered when the merchant switched guest enrolment off", async () => {
    await app.db.shop.update({ where: { shop: TEST_SHOP }, data: { guestEnrollment: false } });
    const orderId = await knownOrder();
    expect(await post(body(orderId))).toMatchObject({ status: 404, body: { error: { code: "not_available" } } });
    await app.db.shop.update({ where: { shop: TEST_SHOP }, data: { guestEnrollment: true } });
  });
});
