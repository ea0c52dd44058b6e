import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { TEST_SHOP } from "../shopify";

import { fixture, KARI, memberOrders, SHOP_HANDLE, startSyncHarness, type SyncHarness } from "./harness";

// Fixture 06 in NOK (see order-flows.test.ts): a member's order whose Diller total is 374.00.
let nextId = 8_000_000;
const paidOrder = memberOrders("R", () => nextId++, { discount_codes: [] });
/** The shopper ticked "join" at checkout: the order's `$app:diller_consent` metafield (through the Admin API). */
function consenting<Order extends { id: number }>(order: Order): Order {
  h.setOrderConsent(order.id, { membership: true, marketing: false });
  return order;
}
/** A shopper new to Diller who consents at checkout, with a customer account. */
function joiningOrder(tag: string, extra: Record<string, unknown> = {}) {
  const customerId = nextId++;
  const email = `${tag}@example.com`;
  const phone = `+4793${String(customerId).slice(-6)}`;
  const customer = { id: customerId, email, phone };
  return consenting({ ...paidOrder(extra), email, phone, customer });
}
const externalId = (orderId: number | string) => `shopify-${SHOP_HANDLE}-${orderId}`;
const NOT_API = new Set(["requestAccessToken", "openidConfiguration"]);

let h: SyncHarness;
/** Diller API calls made while `run` delivers and settles. */
async function dillerCalls(run: () => Promise<void>) {
  const before = h.sandbox.requestLog.length;
  await run();
  return h.sandbox.requestLog
    .slice(before)
    .filter((entry) => !NOT_API.has(entry.operationId))
    .map((entry) => entry.operationId);
}
const membersWithEmail = (email: string) => h.demoStore().members.filter((member) => member.email === email);

beforeAll(async () => {
  h = await startSyncHarness();
  // A checkout cannot answer required segments; this merchant's store asks none.
  for (const segment of h.demoStore().segments) segment.is_required = false;
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
    data: { integrationEnabled: true, dillerEnvironment: "custom", sendTestOrders: false, currencyMismatch: "SKIP" },
  });
});

describe("a registration whose answer is lost still earns the purchase its points", () => {
  it.each([
    ["a 503 (re-sent, and the repeat refused as a duplicate)", { status: 503 }],
    ["a 502 (not re-sent)", { status: 502 }],
    ["a dropped connection (not re-sent)", "drop"],
  ] as const)(
    "GIVEN Diller registers the member WHEN it then answers %s THEN one member exists and the order is booked to it",
    async (_case, then) => {
      const order = joiningOrder(`lost-answer-${nextId}`);
      h.sandbox.faults.enqueue("registerMember", { kind: "afterEffect", then });
      await h.deliver("orders/paid", order);
      await h.settle();

      const members = membersWithEmail(order.email);
      expect(members).toHaveLength(1);
      const record = await h.orderSync(String(order.id));
      expect(record).toMatchObject({ state: "SENT", memberId: members[0]?.id, externalId: externalId(order.id) });
      expect(h.transactions().find((transaction) => transaction.externalId === externalId(order.id))?.memberId).toBe(
        members[0]?.id,
      );
      const link = await h.app.db.customerLink.findUnique({
        where: { shop_customerId: { shop: TEST_SHOP, customerId: String(order.customer.id) } },
      });
      expect(link).toMatchObject({ memberId: members[0]?.id, linkedBy: "registered" });
    },
  );
});

describe("a member deleted in Diller", () => {
  async function memberDeletedAfterFirstOrder(tag: string) {
    const first = joiningOrder(tag);
    await h.deliver("orders/paid", first);
    await h.settle();
    const [member] = membersWithEmail(first.email);
    if (!member) throw new Error("the first order did not register the member");
    const shopRow = await h.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    await h.app.dillerClientFor(shopRow).members.deleteMember({ memberId: member.id });
    return { first, deletedId: member.id };
  }

  it("GIVEN a linked member deleted in Diller WHEN the consenting shopper orders again THEN the link is cleared, the shopper re-registered and the order booked", async () => {
    const { first, deletedId } = await memberDeletedAfterFirstOrder(`deleted-rejoins-${nextId}`);
    const second = consenting(paidOrder({ email: first.email, phone: first.phone, customer: first.customer }));
    await h.deliver("orders/paid", second);
    await h.settle();

    const record = await h.orderSync(String(second.id));
    const rejoined = membersWithEmail(first.email).find((member) => member.id !== deletedId && !member.deletedAt);
    expect(rejoined).toBeDefined();
    expect(record).toMatchObject({ state: "SENT", memberId: rejoined?.id, attempts: 1 });
    const history = await h.app.db.syncActivity.findMany({
      where: { orderId: String(second.id) },
      orderBy: { at: "asc" },
    });
    expect(history.map((entry) => entry.kind)).toEqual(["MEMBER_UNLINKED", "MEMBER_REGISTERED", "TRANSACTION_SENT"]);
    expect(history[0]?.detail).toContain(deletedId);
    expect(
      await h.app.db.customerLink.findUnique({
        where: { shop_customerId: { shop: TEST_SHOP, customerId: String(first.customer.id) } },
      }),
    ).toMatchObject({ memberId: rejoined?.id, state: "LINKED" });
  });

  it("GIVEN a linked member deleted in Diller WHEN the shopper orders without consent THEN the order is skipped with the reason and the link cleared", async () => {
    const { first, deletedId } = await memberDeletedAfterFirstOrder(`deleted-leaves-${nextId}`);
    const second = paidOrder({ email: first.email, phone: first.phone, customer: first.customer });
    await h.deliver("orders/paid", second);
    await h.settle();

    expect(await h.orderSync(String(second.id))).toMatchObject({
      state: "SKIPPED",
      reason: "Not sent: no Diller member, and no membership consent was given",
      attempts: 1,
    });
    const link = await h.app.db.customerLink.findUnique({
      where: { shop_customerId: { shop: TEST_SHOP, customerId: String(first.customer.id) } },
    });
    expect(link).toMatchObject({ memberId: null, state: "NO_MEMBER" });
    expect(link?.reason).toContain(deletedId);
  });
});

describe("a member deleted in Diller, seen by a customer update", () => {
  it("GIVEN a linked member deleted in Diller WHEN the customer is updated THEN the link is cleared instead of failing the customer", async () => {
    const first = joiningOrder(`deleted-customer-${nextId}`);
    await h.deliver("orders/paid", first);
    await h.settle();
    const [member] = membersWithEmail(first.email);
    if (!member) throw new Error("the order did not register the member");
    const shopRow = await h.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    await h.app.dillerClientFor(shopRow).members.deleteMember({ memberId: member.id });

    const customer = {
      ...fixture("17"),
      id: first.customer.id,
      email: first.email,
      phone: null,
      verified_email: true,
      first_name: "Renamed",
      updated_at: "2026-11-29T10:00:00Z",
    };
    await h.deliver("customers/update", customer);
    await h.settle();

    const link = await h.app.db.customerLink.findUnique({
      where: { shop_customerId: { shop: TEST_SHOP, customerId: String(first.customer.id) } },
    });
    expect(link).toMatchObject({ memberId: null, state: "NO_MEMBER" });
    expect(
      await h.app.db.syncActivity.count({
        where: { shop: TEST_SHOP, customerId: String(first.customer.id), kind: "MEMBER_UNLINKED" },
      }),
    ).toBe(1);
  });
});

describe("ids at or above 2^53 survive receipt", () => {
  it("GIVEN an order whose id, customer id and line ids are beyond 2^53 THEN it is booked with every digit intact", async () => {
    const order = paidOrder({ id: 1, customer: { id: 2, email: KARI.email } });
    const body = JSON.stringify(order)
      .replace('"id":1,', '"id":9007199254740993,')
      .replace('"id":2,', '"id":9007199254740995,');
    await h.deliver("orders/paid", body);
    await h.settle();
    const record = await h.orderSync("9007199254740993");
    expect(record).toMatchObject({ state: "SENT", customerId: "9007199254740995" });
    expect(h.transactions().some((transaction) => transaction.externalId === externalId("9007199254740993"))).toBe(
      true,
    );
  });

  it.each([
    ["04", "orders/paid", { orderId: "820982911946154500" }],
    ["14", "refunds/create", { orderId: "820982911946154500" }],
    ["17", "customers/create", { customerId: "706405506930370000" }],
  ] as const)("fixture %s (%s) is stored with its id, every digit kept", async (number, topic, ids) => {
    const eventId = `big-id-${number}`;
    expect((await h.deliver(topic, fixture(number), { eventId })).status).toBe(200);
    const event = await h.app.db.webhookEvent.findFirst({ where: { shop: TEST_SHOP, eventId } });
    expect(event?.status).not.toBe("INVALID");
    expect(event).toMatchObject(ids);
    await h.settle();
  });
});

describe("test orders", () => {
  it("skips a test order outside the pre-release environment, with the reason", async () => {
    const order = paidOrder({ test: true });
    const calls = await dillerCalls(async () => {
      await h.deliver("orders/paid", order);
      await h.settle();
    });
    expect(calls).toEqual([]);
    const record = await h.orderSync(String(order.id));
    expect(record?.state).toBe("SKIPPED");
    expect(record?.reason).toMatch(/^Not sent: a Shopify test order/);
  });

  it("books a test order when the merchant allows test orders", async () => {
    await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { sendTestOrders: true } });
    const order = paidOrder({ test: true });
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT" });
  });
});

describe("orders in another currency than the Diller store's (NOK)", () => {
  const sekOrder = () => {
    const order = paidOrder();
    return JSON.parse(JSON.stringify(order).replaceAll('"NOK"', '"SEK"')) as typeof order;
  };

  it("are skipped with the reason by default, without a call to Diller", async () => {
    const order = sekOrder();
    const calls = await dillerCalls(async () => {
      await h.deliver("orders/paid", order);
      await h.settle();
    });
    expect(calls).toEqual([]);
    const record = await h.orderSync(String(order.id));
    expect(record?.state).toBe("SKIPPED");
    expect(record?.reason).toBe(
      "Not sent: the order is in SEK but the Diller store counts in NOK (choose in the settings to send such orders)",
    );
    expect(h.transactions().some((transaction) => transaction.externalId === externalId(order.id))).toBe(false);
  });

  it("are sent in the shop's currency when the merchant chose so (a strict store then refuses them visibly)", async () => {
    await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { currencyMismatch: "SEND" } });
    const order = sekOrder();
    const calls = await dillerCalls(async () => {
      await h.deliver("orders/paid", order);
      await h.settle();
    });
    expect(calls).toContain("createTransaction");
    const record = await h.orderSync(String(order.id));
    // The sandbox store, like a Diller store that keeps one currency, refuses SEK: FAILED with Diller's words, never skipped.
    expect(record?.state).toBe("FAILED");
    expect(record?.reason).toMatch(/currency: The store's currency is NOK, not SEK/);
  });

  it("in the store's currency are booked as before, whatever the choice", async () => {
    for (const currencyMismatch of ["SKIP", "SEND"] as const) {
      await h.app.db.shop.update({ where: { shop: TEST_SHOP }, data: { currencyMismatch } });
      const order = paidOrder();
      await h.deliver("orders/paid", order);
      await h.settle();
      expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT", currency: "NOK" });
    }
  });
});

describe("stamp cards naming products", () => {
  // The demo store's card 1 ("Coffee card", restartable, 10 stamps) names the product "coffee-cup".
  const coffeeStamps = () => {
    const card = h.member(DEMO_MEMBERS.kari).stampCards.find((progress) => progress.stampCardId === 1);
    return (card?.completedCount ?? 0) * 10 + (card?.stampsCollected ?? 0);
  };
  const coffeeOrder = () => {
    const order = paidOrder();
    const { line_items: lines } = order as Record<string, unknown>;
    if (!Array.isArray(lines)) throw new Error("fixture 06 has no lines");
    return {
      ...order,
      line_items: lines.map((line: object, index) => (index < 2 ? { ...line, sku: "coffee-cup" } : line)),
    };
  };

  it("collect a stamp per unit of the lines they name, reversed when the order is cancelled", async () => {
    const before = coffeeStamps();
    const order = coffeeOrder();
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT" });
    expect(coffeeStamps()).toBe(before + 2);

    await h.deliver("orders/cancelled", {
      ...order,
      cancelled_at: "2026-11-28T12:00:00Z",
      financial_status: "refunded",
      updated_at: "2026-11-28T12:00:00Z",
    });
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "CANCELLED" });
    expect(coffeeStamps()).toBe(before);
  });

  it("an order of other products collects none", async () => {
    const before = coffeeStamps();
    const order = paidOrder();
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT" });
    expect(coffeeStamps()).toBe(before);
  });
});

describe("Diller calls per order", () => {
  const linkedCustomer = async () => {
    const customerId = nextId++;
    await h.app.db.customerLink.create({
      data: {
        shop: TEST_SHOP,
        customerId: String(customerId),
        memberId: DEMO_MEMBERS.kari,
        linkedBy: "email",
        state: "LINKED",
      },
    });
    return { id: customerId, email: KARI.email };
  };
  const booked = async (order: { id: number }) => {
    await h.deliver("orders/paid", order);
    await h.settle();
    expect((await h.orderSync(String(order.id)))?.state).toBe("SENT");
  };

  beforeAll(async () => {
    // The store's points ratio is read once per process and cached; read it before counting.
    await booked(paidOrder({ customer: await linkedCustomer() }));
  });

  it("a linked member's order without discount codes costs one call: the transaction", async () => {
    const order = paidOrder({ customer: await linkedCustomer() });
    expect(await dillerCalls(() => booked(order))).toEqual(["createTransaction"]);
  });

  it("a linked member's order with a discount code reads the member's coupons once", async () => {
    const order = paidOrder({
      customer: await linkedCustomer(),
      discount_codes: [{ code: "SUMMER", amount: "20.00", type: "fixed_amount" }],
    });
    expect(await dillerCalls(() => booked(order))).toEqual(["getMemberCoupons", "createTransaction"]);
  });

  it("a consenting guest costs two searches, the registration and the transaction", async () => {
    const order = { ...joiningOrder(`counted-${nextId}`), customer: null };
    expect(await dillerCalls(() => booked(order))).toEqual([
      "getMemberByFilter",
      "getMemberByFilter",
      "registerMember",
      "createTransaction",
    ]);
  });
});
