import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS, SECOND_STORE_API_KEY, SECOND_STORE_ID, SECOND_STORE_MEMBER_ID } from "./index";
import { asArray, asRecord, expectNoContractViolations, startTestSandbox, type TestSandbox } from "./test-support";

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.stop());
beforeEach(() => t.sandbox.reset("demo"));
afterEach(() => expectNoContractViolations(t.sandbox));

const KARI = DEMO_MEMBERS.kari;

function purchase(externalId: string, overrides: Record<string, unknown> = {}) {
  return {
    external_id: externalId,
    created_at: "2026-03-02T11:00:00+01:00",
    total: 4000,
    total_tax: 800,
    total_discount: 100,
    currency: "NOK",
    origin: { system_id: "SHOPIFY", channel: "OnlineStore" },
    payment_details: [{ payment_method: "Card", sub_total: 4000 }],
    details: [
      {
        product: {
          external_id: "jacket-1",
          sku: "JKT-1",
          name: "Jacket",
          gtin: { type: "EanGtin13", code: "7038010000000" },
        },
        quantity: 1,
        unit_price: 4100,
        tax_percentage: 25,
        discount: 100,
        total_price: 4000,
      },
    ],
    ...overrides,
  };
}

async function transact(memberId: string, body: Record<string, unknown>) {
  return t.store("POST", `/members/${memberId}/transactions`, { body });
}

async function memberDetail(memberId: string) {
  const member = asRecord((await t.store("GET", `/members/${memberId}`)).body);
  return asRecord(member.membership_detail);
}

async function couponCodes(memberId: string) {
  return asArray((await t.store("GET", `/members/${memberId}/coupons`)).body).map((coupon) => asRecord(coupon).code);
}

async function stamps(memberId: string, cardId: number) {
  const cards = asArray((await t.store("GET", `/members/${memberId}/stamp-cards`)).body).map(asRecord);
  return cards.find((card) => card.id === cardId)?.stamps_collected;
}

describe("createTransaction", () => {
  it("awards points, moves the level, redeems coupons and books stamps", async () => {
    // GIVEN Kari: 1200 points (Silver), SUMMER100 unused, 4 of 10 stamps on the restartable coffee card
    // WHEN she buys for 4000 NOK with SUMMER100 and collects 7 coffee stamps
    const response = await transact(
      KARI,
      purchase("SHOP-1001", {
        coupon_codes: ["summer100"],
        stamp_cards: [{ stamp_card_id: 1, action: "collected", count: 7 }],
      }),
    );

    // THEN
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ is_ok: true, details: expect.stringContaining("SHOP-1001") });
    expect(await memberDetail(KARI)).toMatchObject({
      points: 5200,
      level_title: "Gold",
      level_expire_date: expect.any(String),
    });
    expect(await couponCodes(KARI)).not.toContain("SUMMER100");
    expect(await stamps(KARI, 1)).toBe(1);
    const stored = t.sandbox.state.stores[0]?.transactions.find(
      (transaction) => transaction.externalId === "SHOP-1001",
    );
    expect(stored).toMatchObject({ memberId: KARI, status: "completed", total: 4000, pointsAwarded: 4000 });
    expect(stored?.request.details).toHaveLength(1);
  });

  it("keeps fractional points for a fractional currency_points_ratio (0.5)", async () => {
    const token = await t.token({ storeId: SECOND_STORE_ID, apiKey: SECOND_STORE_API_KEY });
    const response = await t.api("POST", `/stores/${SECOND_STORE_ID}/members/${SECOND_STORE_MEMBER_ID}/transactions`, {
      token,
      body: { external_id: "SE-1", total: 100.5, currency: "SEK" },
    });
    expect(response.status).toBe(200);

    const member = await t.api("GET", `/stores/${SECOND_STORE_ID}/members/${SECOND_STORE_MEMBER_ID}`, { token });
    expect(asRecord(asRecord(member.body).membership_detail).points).toBe(50.25);
  });

  it("gives no points for lines that a non-eligible product rule excludes", async () => {
    const details = [
      { product: { external_id: "gift-card" }, quantity: 1, unit_price: 500, total_price: 500 },
      { product: { external_id: "DEPOSIT-CAN" }, quantity: 2, unit_price: 2, total_price: 4 },
      {
        product: { external_id: "socks", category: { external_id: "42" } },
        quantity: 1,
        unit_price: 296,
        total_price: 296,
      },
    ];
    await transact(DEMO_MEMBERS.lise, purchase("SHOP-NE", { total: 800, details }));

    // Gift card (All) and deposit (Loyalty) are excluded; category 42 is a Lipscore-only rule.
    expect((await memberDetail(DEMO_MEMBERS.lise)).points).toBe(50 + 296);
  });

  it("rejects a duplicate external_id with 400 problem details naming external_id", async () => {
    expect((await transact(KARI, purchase("SHOP-DUP"))).status).toBe(200);

    const duplicate = await transact(DEMO_MEMBERS.ola, purchase("SHOP-DUP"));

    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toEqual({
      type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
      title: "One or more validation errors occurred.",
      status: 400,
      detail: "A transaction with external_id 'SHOP-DUP' already exists.",
      instance: `/api/v2.0/stores/${t.sandbox.credentials.storeId}/members/${DEMO_MEMBERS.ola}/transactions`,
      errors: { external_id: ["A transaction with external_id 'SHOP-DUP' already exists."] },
    });
    expect((await memberDetail(DEMO_MEMBERS.ola)).points).toBe(5600);
  });

  it.each([
    ["an unknown coupon", { coupon_codes: ["NOPE"] }, "coupon_codes"],
    ["an expired coupon", { coupon_codes: ["EXPIRED20"] }, "coupon_codes"],
    ["a coupon assigned to someone else", { coupon_codes: ["GOLD20"] }, "coupon_codes"],
    ["a coupon not yet valid", { coupon_codes: ["UPCOMING25"] }, "coupon_codes"],
    [
      "a bad coupon on a line",
      { details: [{ product: { external_id: "x" }, total_price: 1, coupon_codes: ["NOPE"] }] },
      "details[0].coupon_codes",
    ],
    ["no external_id", { external_id: undefined }, "external_id"],
    ["no total", { total: undefined }, "total"],
    ["another currency", { currency: "EUR" }, "currency"],
    ["an unknown department", { department_id: "moon" }, "department_id"],
    [
      "an unknown department in the origin",
      { origin: { system_id: "SHOPIFY", channel: "POS", department_id: "moon" } },
      "origin.department_id",
    ],
    [
      "too many stamps deducted",
      { stamp_cards: [{ stamp_card_id: 1, action: "deducted", count: 5 }] },
      "stamp_cards[0].count",
    ],
    [
      "an unknown stamp card",
      { stamp_cards: [{ stamp_card_id: 99, action: "collected", count: 1 }] },
      "stamp_cards[0].stamp_card_id",
    ],
    [
      "an ended stamp card",
      { stamp_cards: [{ stamp_card_id: 3, action: "collected", count: 1 }] },
      "stamp_cards[0].stamp_card_id",
    ],
    [
      "an unknown stamp action",
      { stamp_cards: [{ stamp_card_id: 1, action: "stamped", count: 1 }] },
      "stamp_cards[0].action",
    ],
    [
      "a zero stamp count",
      { stamp_cards: [{ stamp_card_id: 1, action: "collected", count: 0 }] },
      "stamp_cards[0].count",
    ],
  ])("rejects %s, naming the field and changing nothing", async (_case, overrides, field) => {
    const response = await transact(KARI, purchase("SHOP-BAD", overrides));

    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toContain(field);
    expect((await memberDetail(KARI)).points).toBe(1200);
    expect(await stamps(KARI, 1)).toBe(4);
    expect(t.sandbox.state.stores[0]?.transactions).toHaveLength(1);
  });

  it("rejects a coupon the member has used up", async () => {
    const response = await transact(DEMO_MEMBERS.ola, purchase("SHOP-USED", { coupon_codes: ["WELCOME10"] }));

    expect(response.status).toBe(400);
    expect(asRecord(asRecord(response.body).errors).coupon_codes).toEqual([expect.stringContaining("used up")]);
  });

  it("counts a coupon once even when both the order and a line name it", async () => {
    const body = purchase("SHOP-ONCE", {
      coupon_codes: ["SUMMER100"],
      details: [{ product: { external_id: "x" }, total_price: 4000, coupon_codes: ["SUMMER100"] }],
    });
    expect((await transact(KARI, body)).status).toBe(200);
  });

  it("refuses members who have not accepted GDPR", async () => {
    const response = await transact(DEMO_MEMBERS.pending, purchase("SHOP-PENDING"));

    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["memberId"]);
  });

  it("keeps no purchase lines for a member without save_order_history", async () => {
    await transact(DEMO_MEMBERS.ola, purchase("SHOP-OLA"));

    const stored = t.sandbox.state.stores[0]?.transactions.find((transaction) => transaction.externalId === "SHOP-OLA");
    expect(stored?.request.total).toBe(4000);
    expect(stored?.request.details).toBeUndefined();
  });

  it("books one stamp per entry of the obsolete stamp_card_ids", async () => {
    await transact(KARI, purchase("SHOP-OBSOLETE", { stamp_card_ids: [1, 1, 1] }));
    expect(await stamps(KARI, 1)).toBe(7);
  });
});

describe("coupon validation and reservation", () => {
  it.each([
    [KARI, "WELCOME10", true, "can be used"],
    [KARI, "welcome10", true, "can be used"],
    [KARI, "PUBLIC15", true, "can be used"],
    [KARI, "NOPE", false, "does not exist"],
    [KARI, "EXPIRED20", false, "expired"],
    [KARI, "UPCOMING25", false, "not valid yet"],
    [KARI, "INACTIVE30", false, "not active"],
    [KARI, "GOLD20", false, "not available"],
    [DEMO_MEMBERS.ola, "WELCOME10", false, "used up"],
  ])("validate %s / %s → is_ok %s (%s)", async (memberId, code, ok, reason) => {
    const response = await t.store("GET", `/members/${memberId}/coupons/${code}/validate`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ is_ok: ok, details: expect.stringContaining(reason) });
  });

  it("blocks a reserved coupon for every other transaction until the reservation is released", async () => {
    // GIVEN FREESHIP reserved for order A
    const reserve = await t.store("POST", `/members/${KARI}/coupons/FREESHIP/reserve`, {
      body: { channel: "Shopify", external_product_id: "jacket-1", external_transaction_id: "ORDER-A" },
    });
    expect(reserve.body).toEqual({ is_ok: true, details: expect.any(String) });

    // THEN validation and order B see it blocked
    const validation = await t.store("GET", `/members/${KARI}/coupons/FREESHIP/validate`);
    expect(validation.body).toEqual({
      is_ok: false,
      details: expect.stringContaining("reserved by another transaction"),
    });
    const orderB = await transact(KARI, purchase("ORDER-B", { coupon_codes: ["FREESHIP"] }));
    expect(orderB.status).toBe(400);
    expect(asRecord(asRecord(orderB.body).errors).coupon_codes).toEqual([expect.stringContaining("reserved")]);
    const otherReservation = await t.store("POST", `/members/${KARI}/coupons/FREESHIP/reserve`, {
      body: { external_transaction_id: "ORDER-B" },
    });
    expect(asRecord(otherReservation.body).is_ok).toBe(false);

    // WHEN a release names the wrong order, nothing changes; the right order releases it
    const wrong = await t.store("POST", `/members/${KARI}/coupons/FREESHIP/cancel-reservation`, {
      body: { external_transaction_id: "ORDER-B" },
    });
    expect(asRecord(wrong.body).is_ok).toBe(false);
    const release = await t.store("POST", `/members/${KARI}/coupons/FREESHIP/cancel-reservation`, {
      body: { external_transaction_id: "ORDER-A" },
    });
    expect(asRecord(release.body).is_ok).toBe(true);

    // THEN order B can redeem it
    expect((await transact(KARI, purchase("ORDER-B", { coupon_codes: ["FREESHIP"] }))).status).toBe(200);
  });

  it("lets the reserving transaction redeem the coupon and consumes the reservation", async () => {
    await t.store("POST", `/members/${KARI}/coupons/SUMMER100/reserve`, {
      body: { external_transaction_id: "ORDER-R" },
    });

    const response = await transact(KARI, purchase("ORDER-R", { coupon_codes: ["SUMMER100"] }));

    expect(response.status).toBe(200);
    expect(t.sandbox.state.stores[0]?.couponReservations).toEqual([]);
  });

  it("requires the external_transaction_id that holds a reservation", async () => {
    const response = await t.store("POST", `/members/${KARI}/coupons/FREESHIP/reserve`, {
      body: { channel: "Shopify" },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["external_transaction_id"]);
  });

  it("lists store coupons: currently valid ones, or all with alsoInactive", async () => {
    const active = asArray((await t.store("GET", "/coupons")).body).map((coupon) => asRecord(coupon).code);
    const all = asArray((await t.store("GET", "/coupons", { query: { alsoInactive: "true" } })).body).map(
      (coupon) => asRecord(coupon).code,
    );

    expect(active).not.toEqual(expect.arrayContaining(["EXPIRED20"]));
    expect(active).not.toContain("INACTIVE30");
    expect(active).not.toContain("UPCOMING25");
    expect(all).toEqual(expect.arrayContaining(["EXPIRED20", "INACTIVE30", "UPCOMING25", "PUBLIC15", "COFFEE50"]));
    const types = new Set(
      asArray((await t.store("GET", "/coupons", { query: { alsoInactive: "true" } })).body).map(
        (coupon) => asRecord(coupon).type,
      ),
    );
    expect([...types].sort()).toEqual([
      "Automation",
      "Birthday",
      "Campaign",
      "ChildBirthday",
      "Public",
      "Recurring",
      "Standard",
      "Welcome",
    ]);
  });

  it("shows a member's usable coupons with times_redeemed", async () => {
    const coupons = asArray((await t.store("GET", `/members/${KARI}/coupons`)).body).map(asRecord);
    const codes = coupons.map((coupon) => coupon.code);

    expect(codes).toEqual(expect.arrayContaining(["WELCOME10", "FREESHIP", "COFFEE50", "MONTHLY5"]));
    expect(codes).not.toEqual(expect.arrayContaining(["EXPIRED20"]));
    expect(coupons.find((coupon) => coupon.code === "MONTHLY5")?.times_redeemed).toBe(2);
    expect(coupons.find((coupon) => coupon.code === "COFFEE50")?.product_ids).toEqual(["coffee-beans-1kg"]);
  });
});

describe("cancelTransaction", () => {
  it("restores points, level, coupons and stamps", async () => {
    await transact(
      KARI,
      purchase("SHOP-CANCEL", {
        coupon_codes: ["SUMMER100"],
        stamp_cards: [{ stamp_card_id: 1, action: "collected", count: 7 }],
      }),
    );
    expect((await memberDetail(KARI)).level_title).toBe("Gold");

    const response = await t.store("POST", "/transactions/SHOP-CANCEL/cancel", {
      body: { reason: "Customer changed their mind", origin: { system_id: "SHOPIFY", channel: "OnlineStore" } },
    });

    expect(response.body).toEqual({ is_ok: true, details: expect.any(String) });
    expect(await memberDetail(KARI)).toMatchObject({ points: 1200, level_title: "Silver" });
    expect(await couponCodes(KARI)).toContain("SUMMER100");
    expect(await stamps(KARI, 1)).toBe(4);
    expect(
      t.sandbox.state.stores[0]?.transactions.find((transaction) => transaction.externalId === "SHOP-CANCEL"),
    ).toMatchObject({
      status: "cancelled",
      cancellation: { reason: "Customer changed their mind", pointsDeducted: 4000 },
    });
  });

  it("answers is_ok false when the transaction is already cancelled", async () => {
    await transact(KARI, purchase("SHOP-TWICE"));
    await t.store("POST", "/transactions/SHOP-TWICE/cancel", { body: { reason: "first" } });

    const again = await t.store("POST", "/transactions/SHOP-TWICE/cancel", { body: { reason: "second" } });

    expect(again.status).toBe(200);
    expect(again.body).toEqual({ is_ok: false, details: expect.stringContaining("already cancelled") });
    expect((await memberDetail(KARI)).points).toBe(1200);
  });

  it("answers 404 problem details for an unknown external id", async () => {
    const response = await t.store("POST", "/transactions/NOPE/cancel");
    expect(response.status).toBe(404);
    expect(asRecord(response.body).status).toBe(404);
  });
});

describe("createRefundTransaction", () => {
  it("deducts points for the refunded amount and leaves coupons alone", async () => {
    // GIVEN a 4000 NOK purchase with SUMMER100 (Kari: 1200 → 5200 points)
    await transact(KARI, purchase("SHOP-REFUND", { coupon_codes: ["SUMMER100"] }));

    // WHEN 1500 NOK are refunded
    const refund = await t.store("POST", `/members/${KARI}/transactions/SHOP-REFUND/refund`, {
      body: {
        reason: "Returned jacket",
        external_id: "SHOP-REFUND-R1",
        total: 1500,
        currency: "NOK",
        details: [{ product: { external_id: "jacket-1" }, quantity: 1, unit_price: 1500, total_price: 1500 }],
      },
    });

    // THEN
    expect(refund.body).toEqual({ is_ok: true, details: expect.any(String) });
    expect(await memberDetail(KARI)).toMatchObject({ points: 3700, level_title: "Silver" });
    expect(await couponCodes(KARI)).not.toContain("SUMMER100");
  });

  it("rejects refunds beyond the original total", async () => {
    await transact(KARI, purchase("SHOP-OVER", { total: 1000 }));
    expect(
      (await t.store("POST", `/members/${KARI}/transactions/SHOP-OVER/refund`, { body: { total: 600 } })).status,
    ).toBe(200);

    const second = await t.store("POST", `/members/${KARI}/transactions/SHOP-OVER/refund`, { body: { total: 500 } });

    expect(second.status).toBe(400);
    expect(asRecord(asRecord(second.body).errors).total).toEqual([expect.stringContaining("400")]);
  });

  it("accepts the sandbox's internal transaction id as well as the external id", async () => {
    const internalId = t.sandbox.state.stores[0]?.transactions[0]?.id ?? "";
    expect(internalId).toBe("T000001");

    const response = await t.store("POST", `/members/${KARI}/transactions/${internalId}/refund`, {
      body: { total: 50 },
    });

    expect(response.status).toBe(200);
    expect((await memberDetail(KARI)).points).toBe(1150);
  });

  it.each([
    ["an unknown transaction", "NOPE", 404],
    ["another member's transaction", "DEMO-ORDER-1001", 404],
  ])("answers %s with problem details", async (_case, transactionId, status) => {
    const response = await t.store("POST", `/members/${DEMO_MEMBERS.ola}/transactions/${transactionId}/refund`, {
      body: { total: 1 },
    });
    expect(response.status).toBe(status);
  });

  it("refuses to refund a cancelled transaction", async () => {
    await transact(KARI, purchase("SHOP-GONE"));
    await t.store("POST", "/transactions/SHOP-GONE/cancel");

    const response = await t.store("POST", `/members/${KARI}/transactions/SHOP-GONE/refund`, { body: { total: 10 } });

    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["transactionId"]);
  });

  it("deducts only what is left after earlier refunds when the transaction is cancelled", async () => {
    await transact(KARI, purchase("SHOP-MIX", { total: 1000 }));
    await t.store("POST", `/members/${KARI}/transactions/SHOP-MIX/refund`, { body: { total: 300 } });

    await t.store("POST", "/transactions/SHOP-MIX/cancel");

    expect((await memberDetail(KARI)).points).toBe(1200);
  });
});
