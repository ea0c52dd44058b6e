import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { TEST_SHOP } from "../shopify";

import { fixture, KARI, SHOP_HANDLE, startSyncHarness, type SyncHarness } from "./harness";

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.stop();
  expect(h.sandbox.contractViolations).toEqual([]);
  expect(h.adminApi.invalid).toEqual([]);
});

let nextId = 8_000_000;
function customer(overrides: Record<string, unknown> = {}) {
  return { ...fixture("17"), id: nextId++, updated_at: "2026-11-28T10:00:00Z", ...overrides };
}
const link = (customerId: number) =>
  h.app.db.customerLink.findUnique({ where: { shop_customerId: { shop: TEST_SHOP, customerId: String(customerId) } } });
const updateMemberCalls = () => h.sandbox.requestLog.filter((entry) => entry.operationId === "updateMember").length;

describe("customers/create and customers/update", () => {
  it("GIVEN a new customer whose verified email is a member's THEN the customer is linked AND the member is not overwritten", async () => {
    const shopper = customer({ email: KARI.email, verified_email: true, first_name: "Kari-Shopify" });
    await h.deliver("customers/create", shopper);
    await h.settle();
    expect(await link(shopper.id)).toMatchObject({ memberId: DEMO_MEMBERS.kari, state: "LINKED", linkedBy: "email" });
    expect(h.member(DEMO_MEMBERS.kari).first_name).toBe("Kari");
  });

  it("GIVEN a linked customer WHEN the profile changes THEN Diller gets the change, AND WHEN the app's own tag echoes back THEN nothing", async () => {
    const shopper = customer({ email: KARI.email, verified_email: true, first_name: "Kari" });
    await h.deliver("customers/create", shopper);
    await h.settle();
    const before = updateMemberCalls();

    await h.deliver("customers/update", { ...shopper, last_name: "Nordmann-Berg", updated_at: "2026-11-28T11:00:00Z" });
    await h.settle();
    expect(h.member(DEMO_MEMBERS.kari).last_name).toBe("Nordmann-Berg");
    expect(updateMemberCalls()).toBe(before + 1);

    // A tag or metafield written by the app changes nothing Diller holds: no update.
    await h.deliver("customers/update", {
      ...shopper,
      last_name: "Nordmann-Berg",
      tags: "diller-member",
      updated_at: "2026-11-28T11:05:00Z",
    });
    await h.settle();
    expect(updateMemberCalls()).toBe(before + 1);
  });

  it("GIVEN a customer matching a member only by an unverified email or by phone THEN no link is made", async () => {
    const unverified = customer({ email: KARI.email, verified_email: false, phone: null });
    await h.deliver("customers/create", unverified);
    const byPhone = customer({ email: "someone.else@example.com", verified_email: true, phone: KARI.phone });
    await h.deliver("customers/create", byPhone);
    await h.settle();
    expect(await link(unverified.id)).toMatchObject({ memberId: null, state: "NO_MEMBER" });
    expect(await link(byPhone.id)).toMatchObject({ memberId: null, state: "NO_MEMBER" });
    expect((await link(byPhone.id))?.reason).toMatch(/one-time code/);
  });

  it("GIVEN two new customers, one who consented on the join page THEN only that one is registered in Diller", async () => {
    for (const segment of h.demoStore().segments) segment.is_required = false;
    const consenting = customer({ email: "joins@example.com", verified_email: true, phone: "+4791234000" });
    const silent = customer({ email: "silent@example.com", verified_email: true, phone: "+4791234001" });
    h.adminApi.resolvers.DillerCustomerConsent = (variables) => ({
      customer: {
        metafield:
          variables.id === `gid://shopify/Customer/${consenting.id}`
            ? { value: JSON.stringify({ membership: true, marketing: false }) }
            : null,
      },
    });
    await h.deliver("customers/create", consenting);
    await h.deliver("customers/create", silent);
    await h.settle();
    const member = h.demoStore().members.find((candidate) => candidate.email === "joins@example.com");
    expect(member?.consent).toMatchObject({ gdpr_accepted: true, receive_email: false, receive_sms: false });
    expect(await link(consenting.id)).toMatchObject({ memberId: member?.id, linkedBy: "registered", state: "LINKED" });
    expect(h.demoStore().members.some((candidate) => candidate.email === "silent@example.com")).toBe(false);
    expect(await link(silent.id)).toMatchObject({
      state: "NO_MEMBER",
      reason: "No Diller member, and no membership consent",
    });
    for (const segment of h.demoStore().segments) segment.is_required = segment.id === 3;
  });
});

describe("reconciliation", () => {
  it("GIVEN an order the webhooks never delivered WHEN reconciliation runs repeatedly THEN the order is sent exactly once", async () => {
    const orderId = nextId++;
    const money = (amount: string) => ({
      shopMoney: { amount, currencyCode: "NOK" },
      presentmentMoney: { amount, currencyCode: "NOK" },
    });
    const node = {
      id: `gid://shopify/Order/${orderId}`,
      legacyResourceId: String(orderId),
      name: `#R${orderId}`,
      email: KARI.email,
      phone: null,
      test: false,
      createdAt: "2026-11-28T09:00:00Z",
      processedAt: "2026-11-28T09:00:00Z",
      updatedAt: "2026-11-28T09:30:00Z",
      cancelledAt: null,
      currencyCode: "NOK",
      presentmentCurrencyCode: "NOK",
      taxesIncluded: true,
      displayFinancialStatus: "PAID",
      displayFulfillmentStatus: "UNFULFILLED",
      paymentGatewayNames: ["shopify_payments"],
      discountCodes: [],
      customer: {
        legacyResourceId: String(orderId + 1),
        firstName: "Kari",
        lastName: "Nordmann",
        defaultEmailAddress: { emailAddress: KARI.email },
        defaultPhoneNumber: null,
      },
      billingAddress: null,
      shippingAddress: null,
      totalPriceSet: money("250.00"),
      subtotalPriceSet: money("250.00"),
      totalTaxSet: money("50.00"),
      totalDiscountsSet: money("0.00"),
      totalShippingPriceSet: money("0.00"),
      totalTipReceivedSet: money("0.00"),
      totalOutstandingSet: money("0.00"),
      currentTotalPriceSet: money("250.00"),
      originalTotalDutiesSet: null,
      originalTotalAdditionalFeesSet: null,
      taxLines: [{ title: "MVA", rate: 0.25, priceSet: money("50.00") }],
      discountApplications: { nodes: [] },
      lineItems: {
        nodes: [
          {
            id: "gid://shopify/LineItem/1",
            title: "Wool socks",
            variantTitle: null,
            name: "Wool socks",
            sku: "SOCK-1",
            vendor: "Acme",
            quantity: 2,
            currentQuantity: 2,
            isGiftCard: false,
            taxable: true,
            variant: { legacyResourceId: "11" },
            product: { legacyResourceId: "10" },
            originalUnitPriceSet: money("125.00"),
            taxLines: [{ title: "MVA", rate: 0.25, priceSet: money("50.00") }],
            discountAllocations: [],
          },
        ],
      },
      shippingLines: { nodes: [] },
      refunds: [],
      metafield: null,
    };
    h.adminApi.resolvers.DillerReconcileOrders = () => ({
      orders: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [node] },
    });
    const { reconcileShop } = await import("~/sync/reconcile.server");
    const deps = { db: h.app.db, admin: h.app.adminGateway, dispatch: h.engine.dispatch };

    expect(await reconcileShop(deps, TEST_SHOP)).toEqual({ examined: 1, enqueued: 1 });
    await h.settle();
    expect(await reconcileShop(deps, TEST_SHOP)).toEqual({ examined: 1, enqueued: 0 });
    await h.settle();

    const sent = h
      .transactions()
      .filter((transaction) => transaction.externalId === `shopify-${SHOP_HANDLE}-${orderId}`);
    expect(sent.map((transaction) => [transaction.total, transaction.memberId])).toEqual([[250, DEMO_MEMBERS.kari]]);
    expect((await h.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).reconciledUntil).not.toBeNull();
    const query = h.adminApi.calls.filter((call) => call.operation === "DillerReconcileOrders").at(-1)?.variables.query;
    expect(query).toMatch(/^updated_at:>='\d{4}-\d\d-\d\dT/);
  });
});

describe("compliance webhooks", () => {
  it("GIVEN a linked customer WHEN the compliance webhooks arrive THEN a data export is stored, the customer redacted, then the shop", async () => {
    const shopper = customer({ email: KARI.email, verified_email: true });
    await h.deliver("customers/create", shopper);
    await h.settle();

    await h.deliver("customers/data_request", {
      shop_domain: TEST_SHOP,
      customer: { id: shopper.id, email: KARI.email },
      orders_requested: [],
      data_request: { id: 42 },
    });
    await h.settle();
    const [exported] = await h.app.db.complianceExport.findMany({
      where: { shop: TEST_SHOP, customerId: String(shopper.id) },
    });
    expect(JSON.parse(exported?.exportJson ?? "{}")).toMatchObject({
      customerId: String(shopper.id),
      dillerMember: { memberId: DEMO_MEMBERS.kari },
    });

    await h.deliver("customers/redact", { shop_domain: TEST_SHOP, customer: { id: shopper.id }, orders_to_redact: [] });
    await h.settle();
    expect(await link(shopper.id)).toBeNull();
    expect(await h.app.db.complianceExport.count({ where: { shop: TEST_SHOP, customerId: String(shopper.id) } })).toBe(
      0,
    );
    expect(await h.app.db.webhookEvent.count({ where: { shop: TEST_SHOP, customerId: String(shopper.id) } })).toBe(0);

    await h.deliver("shop/redact", { shop_id: 1, shop_domain: TEST_SHOP });
    await h.settle();
    for (const count of [
      h.app.db.shop.count({ where: { shop: TEST_SHOP } }),
      h.app.db.orderSync.count({ where: { shop: TEST_SHOP } }),
      h.app.db.customerLink.count({ where: { shop: TEST_SHOP } }),
      h.app.db.webhookEvent.count({ where: { shop: TEST_SHOP } }),
      h.app.db.session.count({ where: { shop: TEST_SHOP } }),
    ]) {
      expect(await count).toBe(0);
    }
  });
});
