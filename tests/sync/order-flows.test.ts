import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { TEST_SHOP } from "../shopify";

import { memberOrders, SHOP_HANDLE, startSyncHarness, type SyncHarness } from "./harness";

// Fixture 06 in NOK (nokOrderFixture): the Diller total is 374.00.
let nextOrderId = 7_000_000;
const paidOrder = memberOrders("T", () => nextOrderId++);
const createdOrder = (order: ReturnType<typeof paidOrder>) => ({
  ...order,
  financial_status: "pending",
  updated_at: "2026-11-28T10:00:00Z",
});

function partialRefund(orderId: number, refundId = 9001) {
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: "NOK" },
    presentment_money: { amount, currency_code: "NOK" },
  });
  return {
    id: refundId,
    order_id: orderId,
    created_at: "2026-11-28T11:00:00Z",
    processed_at: "2026-11-28T11:00:00Z",
    note: "one item returned",
    refund_line_items: [
      {
        id: refundId * 10,
        line_item_id: 15514975535404,
        quantity: 1,
        restock_type: "return",
        subtotal: 94.92,
        subtotal_set: money("94.92"),
        total_tax: 0,
        total_tax_set: money("0.00"),
      },
    ],
    transactions: [
      { id: refundId * 100, kind: "refund", status: "success", gateway: "manual", amount: "94.92", currency: "NOK" },
    ],
    order_adjustments: [],
  };
}

const externalId = (orderId: number, suffix = "") => `shopify-${SHOP_HANDLE}-${orderId}${suffix}`;

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.stop();
  expect(h.sandbox.contractViolations).toEqual([]);
  expect(h.adminApi.invalid).toEqual([]);
});
beforeEach(async () => {
  h.sandbox.faults.reset();
  await h.app.db.shop.update({
    where: { shop: TEST_SHOP },
    data: { integrationEnabled: true, orderTrigger: "PAID", includeShipping: false },
  });
});

describe("paid orders become Diller transactions", () => {
  it("GIVEN a member's order WHEN it is paid THEN Diller books it once with the mapped total and awards the points", async () => {
    const order = paidOrder();
    const pointsBefore = h.member(DEMO_MEMBERS.kari).points;

    expect((await h.deliver("orders/paid", order)).status).toBe(200);
    await h.settle();

    const sent = h.transactions().filter((transaction) => transaction.externalId === externalId(order.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ memberId: DEMO_MEMBERS.kari, status: "completed", total: 374 });
    expect(sent[0]?.request).toMatchObject({ external_receipt_id: order.name, origin: { channel: "OnlineStore" } });
    expect(h.member(DEMO_MEMBERS.kari).points).toBe(pointsBefore + 374);
    expect(await h.orderSync(String(order.id))).toMatchObject({
      state: "SENT",
      externalId: externalId(order.id),
      totalSent: "374.00",
      memberId: DEMO_MEMBERS.kari,
    });
    const activity = await h.app.db.syncActivity.findMany({ where: { orderId: String(order.id) } });
    expect(activity.map((entry) => [entry.kind, entry.amount, entry.points])).toEqual([
      ["TRANSACTION_SENT", "374.00", 374],
    ]);
  });

  it("GIVEN the merchant includes shipping WHEN an order is paid THEN the shipping counts towards the total", async () => {
    await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { includeShipping: true } });
    const order = paidOrder();
    await h.deliver("orders/paid", order);
    await h.settle();
    const [sent] = h.transactions().filter((transaction) => transaction.externalId === externalId(order.id));
    expect(sent?.total).toBe(394);
  });

  it("GIVEN duplicate and out-of-order order events WHEN they are processed THEN Diller gets one transaction", async () => {
    const order = paidOrder();
    // GIVEN the paid event three times (a Shopify retry keeps the event id; a re-send gets a new one),
    // with the older create event arriving last
    await h.deliver("orders/paid", order, { eventId: "evt-paid", webhookId: "wh-1" });
    await h.deliver("orders/paid", order, { eventId: "evt-paid", webhookId: "wh-2" });
    await h.deliver("orders/paid", order, { eventId: "evt-paid-again" });
    await h.deliver("orders/create", createdOrder(order));
    await h.settle();
    // THEN Diller has it exactly once
    expect(
      h.transactions().filter((transaction) => transaction.externalId.startsWith(externalId(order.id))),
    ).toHaveLength(1);
    const inbox = await h.app.db.webhookEvent.findMany({
      where: { orderId: String(order.id) },
      orderBy: { receivedAt: "asc" },
    });
    expect(inbox.map((event) => [event.topic, event.status, event.duplicates])).toEqual([
      ["ORDERS_PAID", "PROCESSED", 1],
      ["ORDERS_PAID", "PROCESSED", 0],
      ["ORDERS_CREATE", "PROCESSED", 0],
    ]);
  });

  it("GIVEN a partially paid order THEN it is not booked and waits for payment", async () => {
    const order = { ...paidOrder(), financial_status: "partially_paid" };
    await h.deliver("orders/create", order);
    await h.settle();
    expect(h.transactions().some((transaction) => transaction.externalId === externalId(order.id))).toBe(false);
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "PENDING", reason: "Waiting for payment" });
  });

  it("GIVEN the merchant books on fulfilment WHEN a paid order is fulfilled THEN it is sent, not before", async () => {
    await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { orderTrigger: "FULFILLED" } });
    const order = paidOrder();
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "PENDING", reason: "Waiting for fulfilment" });
    await h.deliver(
      "orders/paid",
      { ...order, fulfillment_status: "fulfilled", updated_at: "2026-11-29T09:00:00Z" },
      { eventId: "fulfilled" },
    );
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT" });
  });
});

describe("returns and cancellations", () => {
  it("GIVEN a booked order WHEN part of it is returned THEN the transaction is cancelled and the remainder sent with its own id", async () => {
    const order = paidOrder();
    await h.deliver("orders/paid", order);
    await h.settle();
    await h.deliver("refunds/create", partialRefund(order.id));
    await h.settle();

    const byId = new Map(h.transactions().map((transaction) => [transaction.externalId, transaction]));
    expect(byId.get(externalId(order.id))?.status).toBe("cancelled");
    expect(byId.get(externalId(order.id, "-r1"))).toMatchObject({ status: "completed", total: 279.08 });
    expect(await h.orderSync(String(order.id))).toMatchObject({
      state: "SENT",
      externalId: externalId(order.id, "-r1"),
      totalSent: "279.08",
    });
  });

  it("GIVEN a refund that arrives before the payment WHEN the payment arrives THEN only the remainder is sent", async () => {
    const order = paidOrder();
    await h.deliver("refunds/create", partialRefund(order.id, 9002));
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "PENDING" });
    await h.deliver("orders/paid", order);
    await h.settle();
    const sent = h.transactions().filter((transaction) => transaction.externalId.startsWith(externalId(order.id)));
    expect(sent.map((transaction) => [transaction.externalId, transaction.status, transaction.total])).toEqual([
      [externalId(order.id, "-r1"), "completed", 279.08],
    ]);
  });

  it("GIVEN a booked order WHEN it is cancelled and fully refunded THEN the transaction is cancelled and the points taken back", async () => {
    const order = paidOrder();
    const pointsBefore = h.member(DEMO_MEMBERS.kari).points;
    await h.deliver("orders/paid", order);
    await h.settle();
    const cancelled = {
      ...order,
      cancelled_at: "2026-11-28T12:00:00Z",
      financial_status: "refunded",
      updated_at: "2026-11-28T12:00:00Z",
    };
    await h.deliver("orders/cancelled", cancelled);
    await h.settle();
    expect(h.transactions().find((transaction) => transaction.externalId === externalId(order.id))?.status).toBe(
      "cancelled",
    );
    expect(h.member(DEMO_MEMBERS.kari).points).toBe(pointsBefore);
    expect(await h.orderSync(String(order.id))).toMatchObject({
      state: "CANCELLED",
      reason: "Cancelled in Shopify: the Diller transaction was cancelled",
    });
  });
});

describe("Diller coupons on orders", () => {
  const couponOrder = () =>
    paidOrder({ discount_codes: [{ code: "welcome10", amount: "20.00", type: "fixed_amount" }] });
  const reservationsFor = (order: { id: number }) =>
    h
      .demoStore()
      .couponReservations.filter((reservation) => reservation.externalTransactionId === externalId(order.id));

  it("GIVEN an order with a Diller coupon WHEN it is placed THEN the coupon is reserved, AND WHEN paid THEN redeemed", async () => {
    const order = couponOrder();
    await h.deliver("orders/create", createdOrder(order));
    await h.settle();
    expect(reservationsFor(order)).toHaveLength(1);
    expect(await h.orderSync(String(order.id))).toMatchObject({
      state: "PENDING",
      reason: "Waiting for payment (coupons reserved)",
    });

    await h.deliver("orders/paid", order);
    await h.settle();
    const [sent] = h.transactions().filter((transaction) => transaction.externalId === externalId(order.id));
    expect(sent?.request.coupon_codes).toEqual(["WELCOME10"]);
    expect(sent?.redeemedCoupons.map((coupon) => coupon.code)).toEqual(["WELCOME10"]);
    expect(reservationsFor(order)).toEqual([]);
  });

  it("GIVEN a reserved Diller coupon WHEN the order is cancelled before payment THEN the reservation is released", async () => {
    const order = couponOrder();
    await h.deliver("orders/create", createdOrder(order));
    await h.settle();
    await h.deliver("orders/cancelled", {
      ...createdOrder(order),
      cancelled_at: "2026-11-28T10:30:00Z",
      financial_status: "voided",
      updated_at: "2026-11-28T10:30:00Z",
    });
    await h.settle();
    expect(reservationsFor(order)).toEqual([]);
    expect(h.transactions().some((transaction) => transaction.externalId === externalId(order.id))).toBe(false);
    expect(await h.orderSync(String(order.id))).toMatchObject({
      state: "CANCELLED",
      reason: "Cancelled before it was sent",
    });
  });

  it("GIVEN an order with the merchant's own discount code THEN no Diller coupon is reserved or redeemed", async () => {
    const order = paidOrder();
    await h.deliver("orders/paid", order);
    await h.settle();
    const [sent] = h.transactions().filter((transaction) => transaction.externalId === externalId(order.id));
    expect(sent?.request.coupon_codes).toEqual([]);
  });
});

describe("guests and consent", () => {
  const guestOrder = (extra: Record<string, unknown>) => {
    const order = paidOrder({ email: "new.shopper@example.com", customer: null, phone: null, ...extra });
    return order;
  };

  it("GIVEN a guest without membership consent WHEN the order is paid THEN it is skipped with the reason and nothing is sent", async () => {
    const order = guestOrder({});
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({
      state: "SKIPPED",
      reason: "Not sent: no Diller member, and no membership consent was given",
    });
    expect(h.transactions().some((transaction) => transaction.externalId === externalId(order.id))).toBe(false);
  });

  it("GIVEN a consenting guest WHEN the order is paid THEN the guest is registered, the consent recorded in Shopify, and the order sent", async () => {
    // The demo store requires an answer to segment 3, which a checkout cannot ask for; this merchant's does not.
    for (const segment of h.demoStore().segments) segment.is_required = false;
    const customerId = nextOrderId++;
    const order = guestOrder({
      email: "joining.shopper@example.com",
      customer: {
        id: customerId,
        email: "joining.shopper@example.com",
        first_name: "Jo",
        last_name: "Ining",
        phone: "+4791110000",
      },
    });
    h.setOrderConsent(order.id, { membership: true, marketing: true, capturedAt: "2026-11-28T10:00:00Z" });
    await h.deliver("orders/paid", order);
    await h.settle();

    const member = h.demoStore().members.find((candidate) => candidate.email === "joining.shopper@example.com");
    expect(member).toMatchObject({
      phone: { country_code: "+47", number: "91110000" },
      consent: { gdpr_accepted: true, receive_email: true, receive_sms: true },
    });
    expect(h.transactions().find((transaction) => transaction.externalId === externalId(order.id))?.memberId).toBe(
      member?.id,
    );
    const stored = h.adminApi.calls.filter((call) => call.operation === "DillerStoreCustomerConsent");
    expect(stored.at(-1)?.variables).toMatchObject({
      customerId: `gid://shopify/Customer/${customerId}`,
      tags: ["diller-member"],
    });
    expect(h.adminApi.calls.some((call) => call.operation === "DillerEmailMarketingConsent")).toBe(true);
    expect(
      await h.app.db.customerLink.findUnique({
        where: { shop_customerId: { shop: TEST_SHOP, customerId: String(customerId) } },
      }),
    ).toMatchObject({
      memberId: member?.id,
      linkedBy: "registered",
      membershipConsent: true,
      marketingConsent: true,
    });
    for (const segment of h.demoStore().segments) segment.is_required = segment.id === 3;
  });

  it("GIVEN Shopify fails to record a new member's consent THEN the points are booked anyway AND the consent is recorded on retry", async () => {
    for (const segment of h.demoStore().segments) segment.is_required = false;
    const answer = h.adminApi.resolvers.DillerStoreCustomerConsent;
    if (!answer) throw new Error("the harness answers DillerStoreCustomerConsent");
    let failures = 0;
    h.adminApi.resolvers.DillerStoreCustomerConsent = (variables, shop) => {
      if (failures++ < 1)
        return { metafieldsSet: { userErrors: [{ field: ["value"], message: "Shopify is busy" }] }, tagsAdd: null };
      return answer(variables, shop);
    };
    const customerId = nextOrderId++;
    const order = guestOrder({
      email: "patient.shopper@example.com",
      customer: { id: customerId, email: "patient.shopper@example.com", phone: "+4791110002" },
    });
    h.setOrderConsent(order.id, { membership: true, marketing: false });
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(h.transactions().filter((transaction) => transaction.externalId === externalId(order.id))).toHaveLength(1);
    const record = await h.orderSync(String(order.id));
    expect(record?.state).toBe("SENT");
    expect(JSON.parse(record?.progressJson ?? "{}").consentStoredOnShopify).toBe(true);
    expect(failures).toBe(2);
    h.adminApi.resolvers.DillerStoreCustomerConsent = answer;
    for (const segment of h.demoStore().segments) segment.is_required = segment.id === 3;
  });

  it("GIVEN Diller refuses a guest's registration THEN the order fails with the reason instead of retrying forever", async () => {
    const order = guestOrder({
      email: "segment.less@example.com",
      phone: "+4791110001",
    });
    h.setOrderConsent(order.id, { membership: true, marketing: false });
    await h.deliver("orders/paid", order);
    await h.settle();
    const record = await h.orderSync(String(order.id));
    expect(record?.state).toBe("SKIPPED");
    expect(record?.reason).toMatch(/^Not sent: Diller refused to register the member/);
  });
});

describe("the kill switch and failures", () => {
  it("GIVEN the integration is switched off WHEN an order is paid THEN nothing is sent, AND WHEN it is on again THEN a retry sends it", async () => {
    await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { integrationEnabled: false } });
    const order = paidOrder();
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({
      state: "SKIPPED",
      reason: "Not sent: the integration is switched off",
      // A blocked shop's order is folded, but no attempt is counted.
      attempts: 0,
    });
    expect(h.transactions().some((transaction) => transaction.externalId === externalId(order.id))).toBe(false);

    await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { integrationEnabled: true } });
    const { retryOrderSyncs } = await import("~/sync/sync-status.server");
    expect(await retryOrderSyncs(h.app.db, h.queue, TEST_SHOP, { orderIds: [String(order.id)] })).toBe(1);
    await h.settle();
    // The retry folds nothing: its attempt is counted on its own.
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT", attempts: 1 });
  });

  it("GIVEN a Diller outage WHEN an order is paid THEN it is retried and sent once the outage is over", async () => {
    const order = paidOrder();
    h.sandbox.faults.set({ errorRate: 1, errorStatus: 503, retryAfterSeconds: 0 });
    await h.deliver("orders/paid", order);
    // As soon as a job attempt has failed on the outage, end it.
    for (let waited = 0; !(await h.orderSync(String(order.id)))?.lastError; waited += 50) {
      if (waited > 10_000) throw new Error("no attempt failed during the outage");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await h.orderSync(String(order.id)))?.lastError).toMatch(/503/);
    h.sandbox.faults.reset();
    await h.settle();
    const record = await h.orderSync(String(order.id));
    expect(record).toMatchObject({ state: "SENT", lastError: null });
    expect(record?.attempts).toBeGreaterThan(1);
    expect(h.transactions().filter((transaction) => transaction.externalId === externalId(order.id))).toHaveLength(1);
  });

  it("GIVEN Diller's answer is lost after it booked the purchase WHEN the call is retried THEN nothing is posted twice", async () => {
    const order = paidOrder();
    h.sandbox.faults.enqueue("createTransaction", { kind: "afterEffect", then: "drop" });
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(h.transactions().filter((transaction) => transaction.externalId === externalId(order.id))).toHaveLength(1);
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT" });
  });

  it("GIVEN Diller fails every attempt THEN the order ends FAILED with the reason after its last attempt", async () => {
    const order = paidOrder();
    h.sandbox.faults.set({ errorRate: 1, errorStatus: 500 });
    await h.deliver("orders/paid", order);
    await h.settle(30_000);
    const record = await h.orderSync(String(order.id));
    expect(record?.state).toBe("FAILED");
    expect(record?.reason).toMatch(/^Diller answered 500/);
    expect(await h.app.db.syncActivity.count({ where: { orderId: String(order.id), kind: "SYNC_FAILED" } })).toBe(1);
  });
});
