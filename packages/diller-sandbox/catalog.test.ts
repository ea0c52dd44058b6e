import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS, DEMO_STORE_ID } from "./index";
import { asArray, asRecord, expectNoContractViolations, startTestSandbox, type TestSandbox } from "./test-support";

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.sandbox.stop());
beforeEach(() => t.sandbox.reset("demo"));
afterEach(() => expectNoContractViolations(t.sandbox));

describe("store profile, departments, segments, levels", () => {
  it("returns the store profile with its loyalty settings", async () => {
    const response = await t.store("GET", "");

    expect(response.body).toMatchObject({
      id: DEMO_STORE_ID,
      currency: "NOK",
      culture: "nb-NO",
      time_zone: "Europe/Oslo",
      stamps_enabled: true,
      friend_referral_enabled: true,
      points_system: {
        enabled: true,
        currency_points_ratio: 1,
        follower_signup_points: 50,
        friend_referral_points: 100,
      },
      member_identifier: { type: "LicensePlate", is_unique_per_country: true },
      privacy_policy_url: expect.stringMatching(/^https:\/\//),
    });
  });

  it("creates a department with a retailer-chosen id and returns the full list", async () => {
    const response = await t.store("POST", "/departments", {
      body: { id: "trondheim", name: "Trondheim", origin: { system_id: "SHOPIFY" } },
    });

    expect(response.status).toBe(200);
    expect(asArray(response.body).map((department) => asRecord(department).id)).toEqual([
      "webshop",
      "oslo-city",
      "bergen",
      "trondheim",
    ]);
    expect(asArray((await t.store("GET", "/departments")).body)).toHaveLength(4);
  });

  it.each([
    ["a duplicate id", { id: "webshop", name: "Again" }, "id"],
    ["no id", { name: "Nameless" }, "id"],
    ["no name", { id: "x" }, "name"],
  ])("rejects a department with %s", async (_case, body, field) => {
    const response = await t.store("POST", "/departments", { body });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toContain(field);
  });

  it("defines segments of all five types with options and flags", async () => {
    const segments = asArray((await t.store("GET", "/segments")).body).map(asRecord);

    expect(new Set(segments.map((segment) => segment.type))).toEqual(
      new Set(["Text", "DateTime", "Radio", "Checkbox", "Dropdown"]),
    );
    expect(segments.find((segment) => segment.type === "Radio")).toMatchObject({
      is_required: true,
      options: expect.any(Array),
    });
    expect(segments.some((segment) => segment.is_visible_to_follower === false)).toBe(true);
  });

  it("lists membership levels by threshold", async () => {
    expect((await t.store("GET", "/membership-level")).body).toEqual([
      { id: 1, name: "Bronze", points: 0 },
      { id: 2, name: "Silver", points: 1000 },
      { id: 3, name: "Gold", points: 5000 },
    ]);
  });
});

describe("stamp cards", () => {
  it("lists active store cards, or all with alsoInactive", async () => {
    const active = asArray((await t.store("GET", "/stamp-cards")).body).map((card) => asRecord(card).id);
    const all = asArray((await t.store("GET", "/stamp-cards", { query: { alsoInactive: "true" } })).body).map(
      (card) => asRecord(card).id,
    );

    expect(active).toEqual([1, 2]);
    expect(all).toEqual([1, 2, 3, 4]);
  });

  it("shows a member's progress on standard and threshold cards", async () => {
    const cards = asArray((await t.store("GET", `/members/${DEMO_MEMBERS.kari}/stamp-cards`)).body).map(asRecord);
    expect(cards).toEqual([
      expect.objectContaining({ id: 1, card_type: "standard", stamps_collected: 4, is_restartable: true }),
      expect.objectContaining({ id: 2, card_type: "threshold", threshold_amount: 500, stamps_collected: 2 }),
    ]);
  });

  it("reserves a stamp for one transaction and releases it with the deprecated cancel", async () => {
    const path = `/members/${DEMO_MEMBERS.kari}/stamp-cards/1`;
    expect(
      asRecord((await t.store("POST", `${path}/reserve`, { body: { external_transaction_id: "A" } })).body).is_ok,
    ).toBe(true);
    expect(
      asRecord((await t.store("POST", `${path}/reserve`, { body: { external_transaction_id: "B" } })).body).is_ok,
    ).toBe(false);
    expect(
      asRecord((await t.store("POST", `${path}/cancel-reservation`, { body: { external_transaction_id: "B" } })).body)
        .is_ok,
    ).toBe(false);
    expect(
      asRecord((await t.store("POST", `${path}/cancel-reservation`, { body: { external_transaction_id: "A" } })).body)
        .is_ok,
    ).toBe(true);
    expect(
      asRecord((await t.store("POST", `${path}/reserve`, { body: { external_transaction_id: "B" } })).body).is_ok,
    ).toBe(true);
  });

  it.each([
    ["an unknown card", 99],
    ["an inactive card", 4],
  ])("does not reserve %s", async (_case, cardId) => {
    const response = await t.store("POST", `/members/${DEMO_MEMBERS.kari}/stamp-cards/${cardId}/reserve`, {
      body: { external_transaction_id: "A" },
    });
    expect(response.body).toEqual({ is_ok: false, details: expect.any(String) });
  });
});

describe("non-eligible products", () => {
  it("pages through the rules", async () => {
    const page = await t.store("GET", "/non-eligible-products", { query: { offset: "1", limit: "1" } });

    expect(page.body).toEqual({
      data: [expect.objectContaining({ id: 2, product_id_prefix: "DEPOSIT-", subsystem: "Loyalty" })],
      total_records: 3,
      offset: 1,
      limit: 1,
    });
  });

  it.each([
    ["a negative offset", { offset: "-1" }],
    ["a limit of 0", { limit: "0" }],
    ["a limit above 100", { limit: "101" }],
    ["a limit that is no number", { limit: "ten" }],
  ])("answers bad paging (%s) with 400 ActionResponse", async (_case, query) => {
    const response = await t.store("GET", "/non-eligible-products", { query });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ is_ok: false, details: expect.any(String) });
  });

  it("adds a batch and returns the created rules with ids", async () => {
    const response = await t.store("POST", "/non-eligible-products", {
      body: [
        { product_id: "voucher-50", description: "Vouchers" },
        { product_category_id: 7, subsystem: "Loyalty", expires_at: "2027-01-01" },
      ],
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { id: 4, product_id: "voucher-50", description: "Vouchers", subsystem: "All" },
      { id: 5, product_category_id: 7, subsystem: "Loyalty", expires_at: "2027-01-01" },
    ]);
  });

  it("rejects a batch with bad items as 400 AddNonEligibleBatchError[] and adds nothing", async () => {
    const response = await t.store("POST", "/non-eligible-products", {
      body: [
        { product_id: "fine-1" },
        { product_id: "gift-card" },
        { product_id: "x", product_id_prefix: "y" },
        { product_id_prefix: "OLD-", expires_at: "2026-03-02" },
        { product_id: "z", subsystem: "Everything" },
      ],
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual([
      { product_id: "gift-card", errors: [expect.stringContaining("already exists")] },
      { product_id: "x", product_id_prefix: "y", errors: [expect.stringContaining("Exactly one")] },
      { product_id_prefix: "OLD-", errors: [expect.stringContaining("later than today")] },
      { product_id: "z", errors: [expect.stringContaining("subsystem")] },
    ]);
    expect(asRecord((await t.store("GET", "/non-eligible-products")).body).total_records).toBe(3);
  });

  it("rejects more than 100 items in one batch", async () => {
    const body = Array.from({ length: 101 }, (_, index) => ({ product_id: `p-${index}` }));
    const response = await t.store("POST", "/non-eligible-products", { body });

    expect(response.status).toBe(400);
    expect(response.body).toEqual([{ errors: [expect.stringContaining("at most 100")] }]);
  });

  it("answers an invalid item type in a batch with the batch error shape, naming the item", async () => {
    const response = await t.store("POST", "/non-eligible-products", {
      body: [{ product_id: "ok" }, { product_category_id: "seven" }],
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual([{ errors: [expect.stringContaining("product_category_id")] }]);
  });

  it.each([
    ["every item updates", [{ id: 1, description: "Gift cards and vouchers" }], 200],
    [
      "some items fail",
      [
        { id: 1, description: "ok" },
        { id: 99, description: "missing" },
      ],
      207,
    ],
    ["every item fails", [{ id: 98 }, { id: 2, product_id: "gift-card" }], 400],
  ])("updates a batch: %s → %s", async (_case, body, status) => {
    const response = await t.store("PUT", "/non-eligible-products", { body });

    expect(response.status).toBe(status);
    if (status === 200) expect(response.body).toEqual({ is_ok: true, details: expect.any(String) });
    else expect(asArray(response.body).map((item) => asRecord(item).status)).toEqual(body.map((item) => item.id === 1));
  });

  it("deletes a rule and answers 400 ActionResponse for an unknown one", async () => {
    expect((await t.store("DELETE", "/non-eligible-products/1")).body).toEqual({
      is_ok: true,
      details: expect.any(String),
    });

    const again = await t.store("DELETE", "/non-eligible-products/1");
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ is_ok: false, details: expect.any(String) });
  });

  it("answers a non-integer rule id with 400 ActionResponse", async () => {
    const response = await t.store("DELETE", "/non-eligible-products/abc");
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ is_ok: false, details: expect.stringContaining("nonEligibleProductId") });
  });
});
