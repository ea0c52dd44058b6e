import { describe, expect, it } from "vitest";

import type { DillerClient } from "./client.server";
import { DillerInvalidInputError, DillerNotFoundError, DillerValidationError } from "./errors.server";
import { DILLER_OPERATIONS, type DillerOperationId } from "./operations.server";
import { createFakeDiller, createTestClient, FAKE_STORE_ID, type FakeReply } from "./testing/fake-diller";

const S = `/api/v2.0/stores/${FAKE_STORE_ID}`;
const M = `${S}/members/m1`;
const ACTION: FakeReply = { json: { is_ok: true, details: "done" } };
const MEMBER: FakeReply = { json: { id: "m1", gender: "Female" } };
const LIST: FakeReply = { json: [] };
const PHONE = { country_code: "+47", number: "40000000" };
const ORIGIN = { system_id: "SHOPIFY", channel: "OnlineStore" };

interface OperationCase {
  operationId: DillerOperationId;
  route: string;
  query?: string;
  body?: unknown;
  reply: FakeReply;
  call: (client: DillerClient) => Promise<unknown>;
}

/** Every API operation of the contract, called through its client method. */
const OPERATIONS: OperationCase[] = [
  { operationId: "getAll", route: "GET /api/v2.0/stores", reply: LIST, call: (c) => c.stores.listStores() },
  { operationId: "get", route: `GET ${S}`, reply: { json: { id: FAKE_STORE_ID } }, call: (c) => c.stores.getStore() },
  {
    operationId: "getDepartments",
    route: `GET ${S}/departments`,
    reply: LIST,
    call: (c) => c.stores.listDepartments(),
  },
  {
    operationId: "createDepartment",
    route: `POST ${S}/departments`,
    body: { id: "web", name: "Web shop", origin: ORIGIN },
    reply: { json: [{ id: "web", name: "Web shop" }] },
    call: (c) => c.stores.createDepartment({ id: "web", name: "Web shop", origin: ORIGIN }),
  },
  { operationId: "getSegments", route: `GET ${S}/segments`, reply: LIST, call: (c) => c.stores.listSegments() },
  {
    operationId: "getStoreMembershipLevel",
    route: `GET ${S}/membership-level`,
    reply: LIST,
    call: (c) => c.stores.listMembershipLevels(),
  },
  {
    operationId: "registerMember",
    route: `POST ${S}/members`,
    body: { phone: PHONE, consent: { gdpr_accepted: true }, origin: ORIGIN },
    reply: MEMBER,
    call: (c) => c.members.registerMember({ phone: PHONE, consent: { gdpr_accepted: true }, origin: ORIGIN }),
  },
  {
    operationId: "enrollMember",
    route: `POST ${S}/members/enroll`,
    body: { phone: PHONE, department_id: "web" },
    reply: MEMBER,
    call: (c) => c.members.enrollMember({ phone: PHONE, department_id: "web" }),
  },
  {
    operationId: "getMemberByFilter",
    route: `GET ${S}/members/search`,
    query: "?email=kari%40example.com",
    reply: LIST,
    call: (c) => c.members.findMembersByEmail(" kari@example.com "),
  },
  {
    operationId: "getMemberById",
    route: `GET ${M}`,
    reply: MEMBER,
    call: (c) => c.members.getMember({ memberId: "m1" }),
  },
  {
    operationId: "updateMember",
    route: `PUT ${M}`,
    body: { first_name: "Kari", consent: { receive_email: false } },
    reply: MEMBER,
    call: (c) =>
      c.members.updateMember({ memberId: "m1", changes: { first_name: "Kari", consent: { receive_email: false } } }),
  },
  {
    operationId: "deleteMember",
    route: `DELETE ${M}`,
    reply: ACTION,
    call: (c) => c.members.deleteMember({ memberId: "m1" }),
  },
  {
    operationId: "getWidgetProfile",
    route: `GET ${M}/widgets/profile`,
    reply: { json: { details_url: "https://diller.test/p" } },
    call: (c) => c.members.getMemberProfileWidget({ memberId: "m1" }),
  },
  {
    operationId: "getDependents",
    route: `GET ${M}/dependents`,
    reply: LIST,
    call: (c) => c.members.listDependents({ memberId: "m1" }),
  },
  {
    operationId: "updateDependents",
    route: `POST ${M}/dependents`,
    body: [{ id: 0, name: "Ola", birthdate: "2020-01-01", gender: "Male" }],
    reply: { text: "" },
    call: (c) =>
      c.members.replaceDependents({
        memberId: "m1",
        dependents: [{ id: 0, name: "Ola", birthdate: "2020-01-01", gender: "Male" }],
      }),
  },
  {
    operationId: "loginOTP",
    route: `POST ${M}/login-otp`,
    reply: ACTION,
    call: (c) => c.otp.sendLoginOtp({ memberId: "m1" }),
  },
  {
    operationId: "loginOtpVerification",
    route: `POST ${M}/login-otp-verification`,
    body: { otp_code: 123456 },
    reply: ACTION,
    call: (c) => c.otp.verifyLoginOtp({ memberId: "m1", code: "123456" }),
  },
  {
    operationId: "resetPhone",
    route: `POST ${M}/reset-phone`,
    body: PHONE,
    reply: ACTION,
    call: (c) => c.otp.startPhoneChange({ memberId: "m1", phone: PHONE }),
  },
  {
    operationId: "resetPhoneVerification",
    route: `POST ${M}/reset-phone-verification`,
    body: { phone: PHONE, otp_code: 4321 },
    reply: ACTION,
    call: (c) => c.otp.confirmPhoneChange({ memberId: "m1", phone: PHONE, code: "4321" }),
  },
  {
    operationId: "getStoreCoupons",
    route: `GET ${S}/coupons`,
    query: "?alsoInactive=true",
    reply: LIST,
    call: (c) => c.coupons.listStoreCoupons({ includeInactive: true }),
  },
  {
    operationId: "getMemberCoupons",
    route: `GET ${M}/coupons`,
    reply: LIST,
    call: (c) => c.coupons.listMemberCoupons({ memberId: "m1" }),
  },
  {
    operationId: "validateCoupon",
    route: `GET ${M}/coupons/A%20B/validate`,
    reply: ACTION,
    call: (c) => c.coupons.validateCoupon({ memberId: "m1", couponCode: "A B" }),
  },
  {
    operationId: "reserveCoupon",
    route: `POST ${M}/coupons/A%20B/reserve`,
    body: { channel: "Shopify", external_transaction_id: "Order-1" },
    reply: ACTION,
    call: (c) =>
      c.coupons.reserveCoupon({
        memberId: "m1",
        couponCode: "A B",
        reservation: { channel: "Shopify", external_transaction_id: "Order-1" },
      }),
  },
  {
    operationId: "cancelCouponReservation",
    route: `POST ${M}/coupons/A%20B/cancel-reservation`,
    body: { external_transaction_id: "Order-1" },
    reply: ACTION,
    call: (c) =>
      c.coupons.cancelCouponReservation({
        memberId: "m1",
        couponCode: "A B",
        cancellation: { external_transaction_id: "Order-1" },
      }),
  },
  {
    operationId: "getStoreStamps",
    route: `GET ${S}/stamp-cards`,
    reply: LIST,
    call: (c) => c.stampCards.listStoreStampCards(),
  },
  {
    operationId: "getMemberStampCards",
    route: `GET ${M}/stamp-cards`,
    reply: LIST,
    call: (c) => c.stampCards.listMemberStampCards({ memberId: "m1" }),
  },
  {
    operationId: "reserveStamp",
    route: `POST ${M}/stamp-cards/7/reserve`,
    body: { external_transaction_id: "Order-1" },
    reply: ACTION,
    call: (c) =>
      c.stampCards.reserveStamp({ memberId: "m1", stampId: 7, reservation: { external_transaction_id: "Order-1" } }),
  },
  {
    operationId: "cancelStampReservation",
    route: `POST ${M}/stamp-cards/7/cancel-reservation`,
    body: { external_transaction_id: "Order-1" },
    reply: ACTION,
    call: (c) =>
      c.stampCards.cancelStampReservation({
        memberId: "m1",
        stampId: 7,
        cancellation: { external_transaction_id: "Order-1" },
      }),
  },
  {
    operationId: "createTransaction",
    route: `POST ${M}/transactions`,
    body: { external_id: "Order-1", total: 99.5, origin: ORIGIN },
    reply: ACTION,
    call: (c) =>
      c.transactions.createTransaction({
        memberId: "m1",
        transaction: { external_id: "Order-1", total: 99.5, origin: ORIGIN },
      }),
  },
  {
    operationId: "createRefundTransaction",
    route: `POST ${M}/transactions/Order-1/refund`,
    body: { external_id: "Refund-1", total: 10 },
    reply: ACTION,
    call: (c) =>
      c.transactions.refundTransaction({
        memberId: "m1",
        transactionId: "Order-1",
        refund: { external_id: "Refund-1", total: 10 },
      }),
  },
  {
    operationId: "cancelTransaction",
    route: `POST ${S}/transactions/Order%231/cancel`,
    body: { reason: "Cancelled in Shopify", origin: ORIGIN },
    reply: ACTION,
    call: (c) =>
      c.transactions.cancelTransaction({
        externalTransactionId: "Order#1",
        cancellation: { reason: "Cancelled in Shopify", origin: ORIGIN },
      }),
  },
  {
    operationId: "getInvitedFriends",
    route: `GET ${M}/invited-friends`,
    reply: LIST,
    call: (c) => c.invitations.listInvitedFriends({ memberId: "m1" }),
  },
  {
    operationId: "getReferrals",
    route: `GET ${M}/invited-friend`,
    query: "?invitationToken=tok",
    reply: LIST,
    call: (c) => c.invitations.findInvitedFriendsByToken({ memberId: "m1", invitationToken: "tok" }),
  },
  {
    operationId: "getNonEligibleProducts",
    route: `GET ${S}/non-eligible-products`,
    query: "?offset=0&limit=50",
    reply: { json: { data: [], total_records: 0, offset: 0, limit: 50 } },
    call: (c) => c.nonEligibleProducts.listNonEligibleProducts({ offset: 0, limit: 50 }),
  },
  {
    operationId: "addBatchNonEligibleProducts",
    route: `POST ${S}/non-eligible-products`,
    body: [{ product_id: "GIFT-CARD", subsystem: "Loyalty" }],
    reply: { json: [{ id: 1, product_id: "GIFT-CARD", subsystem: "Loyalty" }] },
    call: (c) => c.nonEligibleProducts.addNonEligibleProducts([{ product_id: "GIFT-CARD", subsystem: "Loyalty" }]),
  },
  {
    operationId: "updateBatchNonEligibleProducts",
    route: `PUT ${S}/non-eligible-products`,
    body: [{ id: 1, description: "Gift cards" }],
    reply: ACTION,
    call: (c) => c.nonEligibleProducts.updateNonEligibleProducts([{ id: 1, description: "Gift cards" }]),
  },
  {
    operationId: "deleteNonEligibleProduct",
    route: `DELETE ${S}/non-eligible-products/1`,
    reply: ACTION,
    call: (c) => c.nonEligibleProducts.deleteNonEligibleProduct({ id: 1 }),
  },
];

describe("every contract operation has a client method", () => {
  it("covers all 37 API operations (the token endpoint is covered by authenticate)", () => {
    expect(OPERATIONS.map((operation) => operation.operationId).sort()).toEqual(Object.keys(DILLER_OPERATIONS).sort());
    expect(OPERATIONS).toHaveLength(37);
  });

  it.each(OPERATIONS)("$operationId → $route", async ({ operationId, route, query, body, reply, call }) => {
    // GIVEN Diller answers the operation's route
    const fake = createFakeDiller();
    fake.reply(route, reply);
    const { client, logLines } = createTestClient(fake);
    // WHEN the client method is called
    await call(client);
    // THEN exactly that request went out, with the contract's snake_case body
    const [request] = fake.apiRequests();
    expect(fake.apiRequests()).toHaveLength(1);
    expect(request?.route).toBe(route);
    expect(request?.url.search).toBe(query ?? "");
    expect(request?.body === undefined ? undefined : JSON.parse(request.body)).toEqual(body);
    expect(request?.method).toBe(DILLER_OPERATIONS[operationId].method);
    expect(logLines.find((line) => line.operationId === operationId)).toMatchObject({
      path: DILLER_OPERATIONS[operationId].path,
      status: 200,
    });
  });
});

describe("operation-level behaviour", () => {
  it("createTransaction reports created, or duplicate when Diller already has the external id", async () => {
    const fake = createFakeDiller();
    const route = `POST ${M}/transactions`;
    fake.reply(
      route,
      ACTION,
      { status: 400, json: { title: "Bad Request", detail: "Transaction with external id Order-1 already exists" } },
      { json: { is_ok: false, details: "Duplicate transaction Order-1" } },
    );
    const { client } = createTestClient(fake);
    const send = () =>
      client.transactions.createTransaction({ memberId: "m1", transaction: { external_id: "Order-1" } });
    expect(await send()).toMatchObject({ outcome: "created", result: { is_ok: true } });
    expect(await send()).toMatchObject({ outcome: "duplicate" });
    expect(await send()).toMatchObject({ outcome: "duplicate" });
    await expect(
      client.transactions.createTransaction({ memberId: "m1", transaction: { external_id: " " } }),
    ).rejects.toBeInstanceOf(DillerInvalidInputError);
  });

  it("createTransaction passes other rejections on", async () => {
    const fake = createFakeDiller();
    fake.reply(`POST ${M}/transactions`, {
      status: 400,
      json: { title: "One or more validation errors occurred.", errors: { total: ["must be positive"] } },
    });
    const { client } = createTestClient(fake);
    const failure = await client.transactions
      .createTransaction({ memberId: "m1", transaction: { external_id: "Order-2", total: -1 } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerValidationError);
    expect(failure).toMatchObject({ fieldErrors: { total: ["must be positive"] } });
  });

  it.each([
    ["0123", 123],
    [" 98765432 ", 98765432],
    ["0000", 0],
  ])("sends OTP code %j as the int32 %s (leading zeros are lost)", async (code, wire) => {
    const fake = createFakeDiller();
    fake.reply(`POST ${M}/login-otp-verification`, ACTION);
    const { client } = createTestClient(fake);
    await client.otp.verifyLoginOtp({ memberId: "m1", code });
    expect(JSON.parse(fake.apiRequests()[0]?.body ?? "null")).toEqual({ otp_code: wire });
  });

  it.each(["123", "123456789", "12a4", "", "12 34", "-1234", "1e4"])(
    "refuses OTP code %j before sending",
    async (code) => {
      const fake = createFakeDiller();
      const { client } = createTestClient(fake);
      await expect(client.otp.verifyLoginOtp({ memberId: "m1", code })).rejects.toBeInstanceOf(DillerInvalidInputError);
      await expect(client.otp.confirmPhoneChange({ memberId: "m1", phone: PHONE, code })).rejects.toBeInstanceOf(
        DillerInvalidInputError,
      );
      expect(fake.requests).toHaveLength(0);
    },
  );

  it.each([
    ["+4740000000", "+4740000000"],
    ["0047 400 00 000", "+4740000000"],
    ["+46 (70) 123-45-67", "+46701234567"],
  ])("searches by phone %j as %j", async (phone, sent) => {
    const fake = createFakeDiller();
    fake.reply(`GET ${S}/members/search`, LIST);
    const { client } = createTestClient(fake);
    await client.members.findMembersByPhone(phone);
    expect(fake.apiRequests()[0]?.url.searchParams.get("phone")).toBe(sent);
  });

  it.each(["40000000", "+47", "phone", "+0123456789"])("refuses phone %j (not international)", async (phone) => {
    const { client } = createTestClient(createFakeDiller());
    await expect(client.members.findMembersByPhone(phone)).rejects.toBeInstanceOf(DillerInvalidInputError);
  });

  it("refuses a search without any filter, and an email without @", async () => {
    const { client } = createTestClient(createFakeDiller());
    await expect(client.members.searchMembers({ email: " " })).rejects.toBeInstanceOf(DillerInvalidInputError);
    await expect(client.members.findMembersByEmail("kari")).rejects.toBeInstanceOf(DillerInvalidInputError);
  });

  it("reports a missing member (404, or Diller's 400 'not found') as DillerNotFoundError", async () => {
    const fake = createFakeDiller();
    fake.reply(
      `GET ${M}`,
      { status: 404, text: "" },
      { status: 400, json: { title: "Bad Request", detail: "Member not found" } },
    );
    const { client } = createTestClient(fake);
    await expect(client.members.getMember({ memberId: "m1" })).rejects.toBeInstanceOf(DillerNotFoundError);
    await expect(client.members.getMember({ memberId: "m1" })).rejects.toBeInstanceOf(DillerNotFoundError);
  });

  it("ignores whatever body comes with updateDependents (the contract declares none)", async () => {
    const fake = createFakeDiller();
    fake.reply(`POST ${M}/dependents`, { text: "OK" });
    const { client } = createTestClient(fake);
    await expect(client.members.replaceDependents({ memberId: "m1", dependents: [] })).resolves.toBeUndefined();
  });

  it("reports a partial batch update (207) with per-item statuses", async () => {
    const fake = createFakeDiller();
    fake.reply(`PUT ${S}/non-eligible-products`, {
      status: 207,
      json: [
        { id: 1, status: true },
        { id: 2, status: false, errors: ["expires_at must be in the future"] },
      ],
    });
    const { client } = createTestClient(fake);
    expect(await client.nonEligibleProducts.updateNonEligibleProducts([{ id: 1 }, { id: 2 }])).toEqual({
      outcome: "partial",
      statuses: [
        { id: 1, status: true },
        { id: 2, status: false, errors: ["expires_at must be in the future"] },
      ],
    });
  });

  it("reports a rejected batch with per-item errors", async () => {
    const fake = createFakeDiller();
    fake.reply(`POST ${S}/non-eligible-products`, {
      status: 400,
      json: [{ product_id: "SKU-1", errors: ["expires_at must be in the future"] }],
    });
    const { client } = createTestClient(fake);
    const failure = await client.nonEligibleProducts
      .addNonEligibleProducts([{ product_id: "SKU-1", expires_at: "2020-01-01" }])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerValidationError);
    expect(failure).toMatchObject({ itemErrors: [{ key: "SKU-1", errors: ["expires_at must be in the future"] }] });
  });

  it.each([
    ["no rules", 0],
    ["101 rules", 101],
  ])("refuses a batch with %s", async (_case, count) => {
    const { client } = createTestClient(createFakeDiller());
    const rules = Array.from({ length: count }, (_, index) => ({ id: index, product_id: `SKU-${index}` }));
    await expect(client.nonEligibleProducts.addNonEligibleProducts(rules)).rejects.toBeInstanceOf(
      DillerInvalidInputError,
    );
    await expect(client.nonEligibleProducts.updateNonEligibleProducts(rules)).rejects.toBeInstanceOf(
      DillerInvalidInputError,
    );
  });

  it.each([[{ offset: -1 }], [{ limit: 0 }], [{ limit: 101 }], [{ offset: 1.5 }]])(
    "refuses a non-eligible page %j",
    async (page) => {
      const { client } = createTestClient(createFakeDiller());
      await expect(client.nonEligibleProducts.listNonEligibleProducts(page)).rejects.toBeInstanceOf(
        DillerInvalidInputError,
      );
    },
  );
});

describe("testConnection", () => {
  const STORE_ROUTE = `GET ${S}`;

  it.each<[string, Record<string, FakeReply[]>, object]>([
    ["works", { [STORE_ROUTE]: [{ json: { id: FAKE_STORE_ID, store_name: "Demo" } }] }, { ok: true }],
    ["works with an id in another case", { [STORE_ROUTE]: [{ json: { id: "STORE-1" } }] }, { ok: true }],
    [
      "store mismatch",
      { [STORE_ROUTE]: [{ json: { id: "another-store" } }] },
      { ok: false, problem: "store-mismatch" },
    ],
    ["store unknown", { [STORE_ROUTE]: [{ status: 404, text: "" }] }, { ok: false, problem: "store-mismatch" }],
    [
      "wrong credentials",
      { "POST /connect/token": [{ status: 400, json: { error: "invalid_client" } }] },
      { ok: false, problem: "wrong-credentials" },
    ],
    [
      "forbidden store",
      { [STORE_ROUTE]: [{ status: 403, json: { title: "Forbidden" } }] },
      { ok: false, problem: "wrong-credentials" },
    ],
    [
      "unreachable host",
      { "GET /.well-known/openid-configuration": [{ networkError: "ENOTFOUND" }] },
      { ok: false, problem: "unreachable" },
    ],
    ["timeout", { [STORE_ROUTE]: [{ stall: true }] }, { ok: false, problem: "timeout" }],
    [
      "not Diller (HTML)",
      { [STORE_ROUTE]: [{ text: "<html>welcome</html>" }] },
      { ok: false, problem: "unexpected-response" },
    ],
    [
      "token endpoint missing",
      { "POST /connect/token": [{ status: 404, text: "" }] },
      { ok: false, problem: "unexpected-response" },
    ],
    ["server error", { [STORE_ROUTE]: [{ status: 500, text: "" }] }, { ok: false, problem: "server-error" }],
    [
      "rate limited",
      { [STORE_ROUTE]: [{ status: 429, text: "", headers: { "retry-after": "600" } }] },
      { ok: false, problem: "rate-limited" },
    ],
  ])("%s", async (_case, replies, expected) => {
    const fake = createFakeDiller();
    for (const [route, list] of Object.entries(replies)) fake.reply(route, ...list);
    const { client } = createTestClient(fake, { timeoutMs: 20, retry: { maxAttempts: 1 } });
    const result = await client.testConnection();
    expect(result).toMatchObject(expected);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it("always fetches a fresh token, so changed credentials are really tested", async () => {
    const fake = createFakeDiller();
    fake.reply(`GET ${S}`, { json: { id: FAKE_STORE_ID } });
    const { client } = createTestClient(fake);
    await client.stores.getStore();
    await client.testConnection();
    expect(fake.tokenRequests()).toHaveLength(2);
  });
});
