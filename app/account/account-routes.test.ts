import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { TEST_SHOP } from "../../tests/shopify";
import { loader as loyalty } from "~/routes/api.account.loyalty";
import { action as join } from "~/routes/api.account.join";
import { action as profile } from "~/routes/api.account.profile";

import { startAccountHarness, type AccountHarness } from "./testing/account-harness";

let h: AccountHarness;
beforeAll(async () => {
  h = await startAccountHarness();
});
afterAll(async () => {
  await h.stop();
  expect(h.sandbox.contractViolations).toEqual([]);
  expect(h.adminApi.invalid).toEqual([]);
});
beforeEach(async () => {
  await h.reset();
});

const CUSTOMER = "8101";
const NEW_SHOPPER = { email: "nora.ny@example.com", verified_email: true, first_name: "Nora", last_name: "Ny" };

function joinBody(overrides: Record<string, unknown> = {}) {
  return {
    profile: {
      firstName: "Nora",
      lastName: "Ny",
      email: "nora.ny@example.com",
      phone: { countryCode: "+47", number: "400 00 099" },
      birthDate: "1990-02-03",
      gender: "female",
      address: { street: "Storgata 5", city: "Oslo", zipCode: "0155", countryCode: "no" },
    },
    segments: [
      { id: "1", value: "Acme" },
      { id: "3", optionIds: ["103"] },
      { id: "4", optionIds: ["201", "204"] },
    ],
    consents: { membership: true, marketingEmail: true, marketingSms: false, keepOrderHistory: true },
    textVersion: 1,
    ...overrides,
  };
}

const memberByEmail = (email: string) =>
  h.demoStore().members.find((member) => member.email === email && !member.deletedAt);

describe("GET /api/account/loyalty: what the customer sees", () => {
  it("a non-member gets the join form: prefill from their Shopify record, visible segments, consent texts", async () => {
    await h.setCustomer(CUSTOMER, { ...NEW_SHOPPER, phone: "+4740000099" });
    const answer = await h.call(loyalty, "/api/account/loyalty", CUSTOMER);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe("not_member");
    const { form } = answer.body;
    expect(form.prefill).toEqual({
      firstName: "Nora",
      lastName: "Ny",
      email: "nora.ny@example.com",
      phone: { countryCode: "+47", number: "40000099" },
    });
    expect(form.segments.map((field: { id: string; type: string }) => `${field.id}:${field.type}`)).toEqual([
      "1:text",
      "2:date",
      "3:radio",
      "4:checkbox",
      "5:dropdown",
    ]);
    expect(form.segments[2]).toMatchObject({ required: true, options: [{ id: "101" }, { id: "102" }, { id: "103" }] });
    expect(form.consent).toEqual({
      membershipText: null,
      marketingText: null,
      textVersion: 1,
      privacyPolicyUrl: "https://example.com/privacy",
    });
  });

  it("a linked member sees points, level progress, coupons, stamp cards, consents, answers and recent orders", async () => {
    await h.app.db.customerLink.create({
      data: { shop: TEST_SHOP, customerId: CUSTOMER, memberId: DEMO_MEMBERS.kari, state: "LINKED", linkedBy: "email" },
    });
    await h.app.db.orderSync.create({
      data: { shop: TEST_SHOP, orderId: "5001", orderName: "#1001", customerId: CUSTOMER, state: "SENT" },
    });
    await h.app.db.syncActivity.create({
      data: { shop: TEST_SHOP, kind: "TRANSACTION_SENT", orderId: "5001", amount: "374.00", points: 374 },
    });
    const answer = await h.call(loyalty, "/api/account/loyalty", CUSTOMER);
    expect(answer.body.status).toBe("member");
    const { member } = answer.body;
    expect(member).toMatchObject({
      points: 1200,
      levelTitle: "Silver",
      nextLevelTitle: "Gold",
      pointsToNextLevel: 3800,
      levelProgress: 0.05,
      profile: { firstName: "Kari", birthDate: "1985-04-12", gender: "female", phone: { countryCode: "+47" } },
      consents: { membership: true, marketingEmail: true, marketingSms: true, keepOrderHistory: true },
      recentActivity: [{ orderName: "#1001", kind: "purchase", amount: "374.00", points: 374 }],
    });
    expect(member.levelExpiresAt).toEqual(expect.any(String));
    expect(member.segments).toContainEqual({ id: "4", optionIds: ["201", "203"] });
    expect(member.coupons.length).toBeGreaterThan(0);
    expect(member.coupons.every((coupon: { kind: string }) => coupon.kind !== undefined)).toBe(true);
    expect(member.stampCards).toContainEqual(
      expect.objectContaining({ title: "Coffee card", collected: 4, required: 10 }),
    );
  });

  it("links a member whose email Shopify verified for this customer at once", async () => {
    await h.setCustomer(CUSTOMER, { email: "kari.nordmann@example.com", verified_email: true });
    const answer = await h.call(loyalty, "/api/account/loyalty", CUSTOMER);
    expect(answer.body).toMatchObject({ status: "member", member: { points: 1200 } });
    const link = await h.app.db.customerLink.findFirst({ where: { customerId: CUSTOMER } });
    expect(link).toMatchObject({ state: "LINKED", memberId: DEMO_MEMBERS.kari, linkedBy: "email" });
  });

  it("an unverified email or a phone match is never linked: the phone offers a one-time code", async () => {
    await h.setCustomer(CUSTOMER, { email: "kari.nordmann@example.com", verified_email: false, phone: "+4740000002" });
    const answer = await h.call(loyalty, "/api/account/loyalty", CUSTOMER);
    expect(answer.body).toMatchObject({ status: "phone_match", maskedPhone: "+47 ••••••02" });
    const link = await h.app.db.customerLink.findFirst({ where: { customerId: CUSTOMER } });
    expect(link?.memberId).toBeNull();
  });
});

describe("POST /api/account/join", () => {
  it("registers the member in Diller with the segment answers and both consents, links, and tells Shopify", async () => {
    await h.setCustomer(CUSTOMER, NEW_SHOPPER);
    const answer = await h.call(join, "/api/account/join", CUSTOMER, { body: joinBody() });
    expect(answer.status).toBe(200);
    expect(answer.body.member).toMatchObject({
      profile: { email: "nora.ny@example.com", birthDate: "1990-02-03", gender: "female" },
      consents: { membership: true, marketingEmail: true, marketingSms: false, keepOrderHistory: true },
    });
    const member = memberByEmail("nora.ny@example.com");
    expect(member).toMatchObject({
      first_name: "Nora",
      phone: { country_code: "+47", number: "40000099" },
      consent: { gdpr_accepted: true, save_order_history: true, receive_email: true, receive_sms: false },
      address: { street: "Storgata 5", country_code: "NO" },
      department_ids: ["webshop"],
    });
    expect(member?.segmentAnswers).toEqual([
      { segment_id: 1, value: "Acme" },
      { segment_id: 3, selected_options: [103] },
      { segment_id: 4, selected_options: [201, 204] },
    ]);
    const link = await h.app.db.customerLink.findFirst({ where: { customerId: CUSTOMER } });
    expect(link).toMatchObject({
      state: "LINKED",
      memberId: member?.id,
      linkedBy: "registered",
      marketingConsent: true,
    });
    const consentCall = h.adminApi.calls.find((call) => call.operation === "DillerStoreCustomerConsent");
    expect(JSON.stringify(consentCall?.variables)).toContain(`\\"memberId\\":\\"${member?.id}\\"`);
  });

  it("keeps the membership when Shopify fails to store the consent", async () => {
    await h.setCustomer(CUSTOMER, NEW_SHOPPER);
    const original = h.adminApi.resolvers.DillerStoreCustomerConsent;
    h.adminApi.resolvers.DillerStoreCustomerConsent = () => {
      throw new Error("Shopify is down");
    };
    try {
      const answer = await h.call(join, "/api/account/join", CUSTOMER, { body: joinBody() });
      expect(answer.status).toBe(200);
    } finally {
      if (original) h.adminApi.resolvers.DillerStoreCustomerConsent = original;
    }
    expect(memberByEmail("nora.ny@example.com")).toBeDefined();
    expect(await h.app.db.customerLink.findFirst({ where: { customerId: CUSTOMER } })).toMatchObject({
      state: "LINKED",
    });
  });

  it.each([
    ["a bad email", { email: "nora@" }, {}, { "profile.email": "invalid_email" }],
    ["no phone", { phone: null }, {}, { "profile.phone": "required" }],
    [
      "a bad phone",
      { phone: { countryCode: "47", number: "12" } },
      {},
      { "profile.phone.countryCode": "invalid_phone", "profile.phone.number": "invalid_phone" },
    ],
    ["an impossible birth date", { birthDate: "1990-02-30" }, {}, { "profile.birthDate": "invalid_date" }],
    ["an unknown gender", { gender: "robot" }, {}, { "profile.gender": "invalid_option" }],
    ["an empty first name", { firstName: " " }, {}, { "profile.firstName": "required" }],
    [
      "no membership consent",
      {},
      { consents: { membership: false, marketingEmail: false, marketingSms: false, keepOrderHistory: false } },
      { "consents.membership": "must_accept" },
    ],
    ["the required segment unanswered", {}, { segments: [{ id: "1", value: "Acme" }] }, { "segments.3": "required" }],
    [
      "an option of another segment",
      {},
      { segments: [{ id: "3", optionIds: ["201"] }] },
      { "segments.3": "invalid_option" },
    ],
    [
      "a hidden segment",
      {},
      {
        segments: [
          { id: "3", optionIds: ["101"] },
          { id: "6", value: "x" },
        ],
      },
      { "segments.6": "invalid_option" },
    ],
  ])(
    "refuses %s with 422 naming the field, and registers nobody",
    async (_case, profileChanges, bodyChanges, fields) => {
      await h.setCustomer(CUSTOMER, NEW_SHOPPER);
      const body = joinBody(bodyChanges);
      const answer = await h.call(join, "/api/account/join", CUSTOMER, {
        body: { ...body, profile: { ...body.profile, ...profileChanges } },
      });
      expect(answer.status).toBe(422);
      expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(answer.body).toEqual({ error: { code: "invalid_input", fields } });
      expect(memberByEmail("nora.ny@example.com")).toBeUndefined();
    },
  );

  it("refuses a phone another member has, naming the phone", async () => {
    await h.setCustomer(CUSTOMER, NEW_SHOPPER);
    const body = joinBody();
    const answer = await h.call(join, "/api/account/join", CUSTOMER, {
      body: { ...body, profile: { ...body.profile, phone: { countryCode: "+47", number: "40000001" } } },
    });
    expect(answer.body).toEqual({ error: { code: "invalid_input", fields: { "profile.phone": "invalid_phone" } } });
  });

  it("refuses to join into a member whose email this customer has not verified (409 already_member)", async () => {
    await h.setCustomer(CUSTOMER, { ...NEW_SHOPPER, email: "kari.nordmann@example.com", verified_email: false });
    const body = joinBody();
    const answer = await h.call(join, "/api/account/join", CUSTOMER, {
      body: { ...body, profile: { ...body.profile, email: "kari.nordmann@example.com" } },
    });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: "already_member" } } });
    expect(await h.app.db.customerLink.findFirst({ where: { customerId: CUSTOMER, state: "LINKED" } })).toBeNull();
  });
});

describe("POST /api/account/profile", () => {
  it("sends the edited profile, answers and consents to Diller; clears an emptied optional answer", async () => {
    await h.app.db.customerLink.create({
      data: { shop: TEST_SHOP, customerId: CUSTOMER, memberId: DEMO_MEMBERS.kari, state: "LINKED", linkedBy: "email" },
    });
    const body = joinBody({
      segments: [
        { id: "1", value: "" },
        { id: "3", optionIds: ["102"] },
        { id: "5", optionIds: ["304"] },
      ],
      consents: { membership: true, marketingEmail: false, marketingSms: true, keepOrderHistory: false },
    });
    const answer = await h.call(profile, "/api/account/profile", CUSTOMER, {
      body: { ...body, profile: { ...body.profile, email: "kari.ny@example.com", phone: null } },
    });
    expect(answer.status).toBe(200);
    const kari = h.member(DEMO_MEMBERS.kari);
    expect(kari).toMatchObject({
      first_name: "Nora",
      email: "kari.ny@example.com",
      phone: { number: "40000001" },
      consent: { gdpr_accepted: true, receive_email: false, receive_sms: true, save_order_history: false },
    });
    expect(kari.segmentAnswers.find((answer) => answer.segment_id === 1)).toBeUndefined();
    expect(kari.segmentAnswers).toContainEqual({ segment_id: 5, selected_options: [304] });
    expect(answer.body.member.segments).toContainEqual({ id: "5", optionIds: ["304"] });
  });

  it("answers 409 not_member for a customer who is not linked", async () => {
    const answer = await h.call(profile, "/api/account/profile", CUSTOMER, { body: joinBody() });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: "not_member" } } });
  });
});
