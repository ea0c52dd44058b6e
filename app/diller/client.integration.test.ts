/**
 * The Diller client against the Diller sandbox over real HTTP on 127.0.0.1: every operation (checked
 * against the sandbox's state), discovery, token lifetime, retries and ambiguous failures, malformed
 * answers, and that every request the client sent conforms to the contract.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { silentLogger } from "~/logger.server";

import {
  createContractValidator,
  DEMO_ACTIVATION_TOKEN,
  DEMO_INVITATION_TOKEN,
  DEMO_MEMBERS,
  DEMO_STORE_ID,
  startDillerSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from "@diller/diller-sandbox";
import { createDillerClient, type DillerClientOptions } from "./client.server";
import {
  DillerAmbiguousFailureError,
  DillerNetworkError,
  DillerNotFoundError,
  DillerUnexpectedResponseError,
} from "./errors.server";
import type { FetchLike } from "./http.server";
import { createTokenCache } from "./token-cache.server";

const { kari, ola, pending, lise } = DEMO_MEMBERS;
const ORIGIN = { system_id: "SHOPIFY_TEST", channel: "OnlineStore" };
const REQUIRED_SEGMENTS = [{ segment_id: 3, selected_options: [103] }];

interface SentRequest {
  method: string;
  url: URL;
  body: string | undefined;
}

/** A real sandbox plus clients that record what they send. */
function useSandbox(options: SandboxOptions = {}) {
  const context: { sandbox?: RunningSandbox; sent: SentRequest[] } = { sent: [] };
  beforeAll(async () => {
    context.sandbox = await startDillerSandbox({ port: 0, logger: silentLogger, ...options });
  });
  afterAll(async () => {
    await context.sandbox?.stop();
  });
  beforeEach(() => {
    const sandbox = current();
    sandbox.reset();
    sandbox.faults.reset();
    sandbox.requestLog.length = 0;
  });
  afterEach(() => {
    // A response that breaks the contract would be a sandbox bug, and would make these tests meaningless.
    expect(current().contractViolations).toEqual([]);
  });

  function current(): RunningSandbox {
    if (!context.sandbox) throw new Error("The sandbox has not started");
    return context.sandbox;
  }

  const recordingFetch: FetchLike = async (url, init) => {
    context.sent.push({ method: init.method ?? "GET", url: new URL(url), body: bodyText(init.body) });
    return fetch(url, init);
  };

  function client(overrides: Partial<DillerClientOptions> = {}) {
    const sandbox = current();
    const sleeps: number[] = [];
    const built = createDillerClient({
      baseUrl: sandbox.baseUrl,
      ...sandbox.credentials,
      fetch: recordingFetch,
      tokenCache: createTokenCache(),
      logger: silentLogger,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      timeoutMs: 2_000,
      ...overrides,
    });
    return Object.assign(built, { sleeps });
  }

  return {
    get sandbox() {
      return current();
    },
    sent: context.sent,
    client,
    /** The demo store's live state. */
    store() {
      const store = current().state.stores.find((candidate) => candidate.id === DEMO_STORE_ID);
      if (!store) throw new Error("The demo store is missing from the sandbox state");
      return store;
    },
    member(memberId: string) {
      const member = this.store().members.find((candidate) => candidate.id === memberId);
      if (!member) throw new Error(`Member ${memberId} is missing from the sandbox state`);
      return member;
    },
    /** Operation ids and statuses the sandbox saw, in order. */
    log(operationId?: string) {
      return current()
        .requestLog.filter((entry) => operationId === undefined || entry.operationId === operationId)
        .map((entry) => `${entry.operationId} ${entry.status}`);
    },
  };
}

function bodyText(body: RequestInit["body"]): string | undefined {
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  return undefined;
}

describe("every operation against the sandbox", () => {
  const env = useSandbox();

  afterEach(() => {
    // Valid calls only in this block: the sandbox must not have rejected any as a bad request.
    expect(env.log().filter((line) => line.endsWith(" 400"))).toEqual([]);
  });

  afterAll(() => {
    // GIVEN every request the client sent in this block
    const validator = createContractValidator();
    const sent = env.sent.filter((request) => !request.url.pathname.startsWith("/.well-known/"));
    // THEN each one is a contract operation with contract-conforming parameters and body
    const violations = sent.flatMap((request) => {
      const body =
        request.body === undefined || request.url.pathname === "/connect/token"
          ? request.body
          : JSON.parse(request.body);
      const result = validator.validateRequest({
        method: request.method,
        path: `${request.url.pathname}${request.url.search}`,
        body,
      });
      return result.ok ? [] : [`${request.method} ${request.url.pathname}: ${JSON.stringify(result.errors)}`];
    });
    expect(sent.length).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  it("requestAccessToken (authenticate)", async () => {
    const before = Date.now();
    const { expiresAt } = await env.client().authenticate();
    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + 3_500_000);
    expect(env.log()).toEqual(["openidConfiguration 200", "requestAccessToken 200"]);
  });

  describe("stores", () => {
    it("getAll", async () => {
      const stores = await env.client().stores.listStores();
      expect(stores.map((store) => store.id)).toEqual([DEMO_STORE_ID]);
      expect(stores[0]?.store_name).toBe(env.store().profile.store_name);
    });

    it("get", async () => {
      const store = await env.client().stores.getStore();
      expect(store.id).toBe(DEMO_STORE_ID);
      expect(store.currency).toBe(env.store().profile.currency);
      expect(store.points_system).toEqual(env.store().profile.points_system);
    });

    it("getDepartments", async () => {
      const departments = await env.client().stores.listDepartments();
      expect(departments).toEqual(env.store().departments);
    });

    it("createDepartment", async () => {
      const result = await env.client().stores.createDepartment({ id: "trondheim", name: "Trondheim", origin: ORIGIN });
      expect(result).toContainEqual({ id: "trondheim", name: "Trondheim" });
      expect(env.store().departments).toContainEqual({ id: "trondheim", name: "Trondheim" });
    });

    it("getSegments", async () => {
      const segments = await env.client().stores.listSegments();
      expect(segments.map((segment) => [segment.id, segment.type])).toEqual(
        env.store().segments.map((segment) => [segment.id, segment.type]),
      );
    });

    it("getStoreMembershipLevel", async () => {
      const levels = await env.client().stores.listMembershipLevels();
      expect(levels).toEqual(env.store().membershipLevels);
    });
  });

  describe("members", () => {
    it("registerMember", async () => {
      const member = await env.client().members.registerMember({
        phone: { country_code: "+47", number: "40009001" },
        first_name: "Test",
        email: "register@example.com",
        consent: { gdpr_accepted: true, save_order_history: true, receive_sms: false, receive_email: true },
        department_ids: ["webshop"],
        segments: REQUIRED_SEGMENTS,
        origin: ORIGIN,
      });
      const stored = env.member(member.id ?? "");
      expect(stored.phone).toEqual({ country_code: "+47", number: "40009001" });
      expect(stored.consent).toEqual(member.consent);
      expect(stored.email).toBe("register@example.com");
    });

    it("enrollMember", async () => {
      const member = await env.client().members.enrollMember({
        phone: { country_code: "+47", number: "40009002" },
        department_id: "webshop",
        origin: ORIGIN,
      });
      const stored = env.member(member.id ?? "");
      expect(stored.activationToken).toEqual(expect.any(String));
      expect(stored.consent.gdpr_accepted).toBe(false);
    });

    it("getMemberByFilter (email, phone, identifier, activation token)", async () => {
      const members = env.client().members;
      const kariEmail = env.member(kari).email ?? "";
      expect((await members.findMembersByEmail(kariEmail)).map((member) => member.id)).toEqual([kari]);
      expect((await members.findMembersByPhone("+47 40000001")).map((member) => member.id)).toEqual([kari]);
      expect((await members.searchMembers({ identifierValue: "EK12345" })).map((member) => member.id)).toEqual([kari]);
      expect(
        (await members.searchMembers({ activationToken: DEMO_ACTIVATION_TOKEN })).map((member) => member.id),
      ).toEqual([pending]);
      expect(await members.findMembersByEmail("nobody@example.com")).toEqual([]);
    });

    it("getMemberById", async () => {
      const member = await env.client().members.getMember({ memberId: kari });
      const stored = env.member(kari);
      expect(member).toMatchObject({
        id: kari,
        first_name: stored.first_name,
        gender: stored.gender,
        phone: stored.phone,
      });
      expect(member.membership_detail?.points).toBe(stored.points);
    });

    it("getMemberById of an unknown member is DillerNotFoundError", async () => {
      await expect(
        env.client().members.getMember({ memberId: "00000000-0000-4000-8000-000000000000" }),
      ).rejects.toBeInstanceOf(DillerNotFoundError);
      // the 404 is expected here; keep the block's "no 400" check meaningful
      expect(env.log("getMemberById")).toEqual(["getMemberById 404"]);
    });

    it("updateMember", async () => {
      const updated = await env.client().members.updateMember({
        memberId: ola,
        changes: { last_name: "Changed", consent: { receive_sms: false } },
      });
      expect(updated.last_name).toBe("Changed");
      expect(env.member(ola).last_name).toBe("Changed");
      expect(env.member(ola).consent.receive_sms).toBe(false);
    });

    it("deleteMember", async () => {
      const result = await env.client().members.deleteMember({ memberId: lise });
      expect(result.is_ok).toBe(true);
      expect(env.member(lise).deletedAt).toEqual(expect.any(String));
    });

    it("getWidgetProfile", async () => {
      const widget = await env.client().members.getMemberProfileWidget({ memberId: kari });
      expect(widget.details_url).toContain(encodeURIComponent(kari));
    });

    it("getDependents", async () => {
      const dependents = await env.client().members.listDependents({ memberId: kari });
      expect(dependents).toEqual(env.member(kari).dependents);
    });

    it("updateDependents", async () => {
      const [emma] = env.member(kari).dependents;
      await env.client().members.replaceDependents({
        memberId: kari,
        dependents: [
          { id: emma?.id, name: "Emma", birthdate: "2018-05-01", gender: "Female" },
          { id: 0, name: "Oskar", birthdate: "2023-02-01", gender: "Male" },
        ],
      });
      expect(env.member(kari).dependents.map((dependent) => dependent.name)).toEqual(["Emma", "Oskar"]);
    });
  });

  describe("one-time codes", () => {
    it("loginOTP and loginOtpVerification", async () => {
      const otp = env.client().otp;
      expect((await otp.sendLoginOtp({ memberId: kari })).is_ok).toBe(true);
      const issued = env.sandbox.issuedOtps.find((code) => code.memberId === kari && code.purpose === "login");
      expect(issued).toBeDefined();
      expect((await otp.verifyLoginOtp({ memberId: kari, code: issued?.code ?? "" })).is_ok).toBe(true);
      expect(env.store().pendingOtps).toEqual([]);
    });

    it("resetPhone and resetPhoneVerification", async () => {
      const otp = env.client().otp;
      const phone = { country_code: "+47", number: "40009003" };
      expect((await otp.startPhoneChange({ memberId: ola, phone })).is_ok).toBe(true);
      const issued = env.sandbox.issuedOtps.find((code) => code.memberId === ola && code.purpose === "reset-phone");
      expect((await otp.confirmPhoneChange({ memberId: ola, phone, code: issued?.code ?? "" })).is_ok).toBe(true);
      expect(env.member(ola).phone).toEqual(phone);
    });
  });

  describe("coupons", () => {
    it("getStoreCoupons (active, then also inactive)", async () => {
      const coupons = env.client().coupons;
      const active = (await coupons.listStoreCoupons()).map((coupon) => coupon.code);
      const all = (await coupons.listStoreCoupons({ includeInactive: true })).map((coupon) => coupon.code);
      expect(active).not.toContain("INACTIVE30");
      expect(all.sort()).toEqual(
        env
          .store()
          .coupons.map((coupon) => coupon.definition.code)
          .sort(),
      );
    });

    it("getMemberCoupons", async () => {
      const coupons = await env.client().coupons.listMemberCoupons({ memberId: kari });
      const assigned = new Set(env.member(kari).coupons.map((coupon) => coupon.couponId));
      expect(coupons.length).toBeGreaterThan(0);
      for (const coupon of coupons) expect(assigned.has(coupon.id ?? -1)).toBe(true);
    });

    it("validateCoupon", async () => {
      const coupons = env.client().coupons;
      expect((await coupons.validateCoupon({ memberId: kari, couponCode: "WELCOME10" })).is_ok).toBe(true);
      expect((await coupons.validateCoupon({ memberId: kari, couponCode: "EXPIRED20" })).is_ok).toBe(false);
      expect((await coupons.validateCoupon({ memberId: kari, couponCode: "NO SUCH/CODE" })).is_ok).toBe(false);
    });

    it("reserveCoupon and cancelCouponReservation", async () => {
      const coupons = env.client().coupons;
      const reservation = { channel: "Shopify", external_transaction_id: "Order-2001" };
      expect((await coupons.reserveCoupon({ memberId: kari, couponCode: "WELCOME10", reservation })).is_ok).toBe(true);
      expect(env.store().couponReservations).toMatchObject([{ memberId: kari, externalTransactionId: "Order-2001" }]);
      const cancellation = { external_transaction_id: "Order-2001" };
      expect(
        (await coupons.cancelCouponReservation({ memberId: kari, couponCode: "WELCOME10", cancellation })).is_ok,
      ).toBe(true);
      expect(env.store().couponReservations).toEqual([]);
    });
  });

  describe("stamp cards", () => {
    it("getStoreStamps (active, then also inactive)", async () => {
      const stampCards = env.client().stampCards;
      const active = (await stampCards.listStoreStampCards()).map((card) => card.id);
      const all = (await stampCards.listStoreStampCards({ includeInactive: true })).map((card) => card.id);
      expect(active).not.toContain(4);
      expect(all).toEqual(env.store().stampCards.map((card) => card.definition.id));
    });

    it("getMemberStampCards", async () => {
      const cards = await env.client().stampCards.listMemberStampCards({ memberId: kari });
      const progress = env.member(kari).stampCards.find((card) => card.stampCardId === 1);
      expect(cards.find((card) => card.id === 1)?.stamps_collected).toBe(progress?.stampsCollected);
    });

    it("reserveStamp and cancelStampReservation", async () => {
      const stampCards = env.client().stampCards;
      const reservation = { channel: "Shopify", external_transaction_id: "Order-2002" };
      expect((await stampCards.reserveStamp({ memberId: kari, stampId: 1, reservation })).is_ok).toBe(true);
      expect(env.store().stampReservations).toMatchObject([{ stampCardId: 1, externalTransactionId: "Order-2002" }]);
      const cancellation = { external_transaction_id: "Order-2002" };
      const cancelled = await stampCards.cancelStampReservation({ memberId: kari, stampId: 1, cancellation });
      expect(cancelled.is_ok).toBe(true);
      expect(env.store().stampReservations).toEqual([]);
    });
  });

  describe("transactions", () => {
    it("createTransaction, createRefundTransaction, cancelTransaction", async () => {
      const transactions = env.client().transactions;
      const created = await transactions.createTransaction({
        memberId: kari,
        transaction: {
          external_id: "Order-3001",
          created_at: "2026-03-01T10:00:00+01:00",
          total: 200,
          total_tax: 40,
          currency: "NOK",
          origin: ORIGIN,
          details: [
            {
              product: { external_id: "p-1", sku: "SKU-1", name: "Socks" },
              quantity: 2,
              unit_price: 100,
              tax_percentage: 25,
              discount: 0,
              total_price: 200,
            },
          ],
        },
      });
      expect(created).toMatchObject({ outcome: "created", result: { is_ok: true } });
      const stored = () => env.store().transactions.find((transaction) => transaction.externalId === "Order-3001");
      expect(stored()).toMatchObject({ memberId: kari, total: 200, status: "completed" });

      const refund = await transactions.refundTransaction({
        memberId: kari,
        transactionId: "Order-3001",
        refund: { external_id: "Refund-3001-1", total: 100, currency: "NOK", reason: "Returned", origin: ORIGIN },
      });
      expect(refund.is_ok).toBe(true);
      expect(stored()?.refunds).toMatchObject([{ externalId: "Refund-3001-1", total: 100 }]);

      const cancelled = await transactions.cancelTransaction({
        externalTransactionId: "Order-3001",
        cancellation: { reason: "Order cancelled", origin: ORIGIN },
      });
      expect(cancelled.is_ok).toBe(true);
      expect(stored()).toMatchObject({ status: "cancelled", cancellation: { reason: "Order cancelled" } });
    });
  });

  describe("invitations", () => {
    it("getInvitedFriends", async () => {
      const friends = await env.client().invitations.listInvitedFriends({ memberId: kari });
      expect(friends.map((friend) => friend.email)).toEqual(env.member(kari).invitedFriends.map((f) => f.friend.email));
    });

    it("getReferrals", async () => {
      const friends = await env
        .client()
        .invitations.findInvitedFriendsByToken({ memberId: kari, invitationToken: DEMO_INVITATION_TOKEN });
      const expected = env.member(kari).invitedFriends.filter((f) => f.invitationToken === DEMO_INVITATION_TOKEN);
      expect(friends.map((friend) => friend.email)).toEqual(expected.map((f) => f.friend.email));
    });
  });

  describe("non-eligible products", () => {
    it("getNonEligibleProducts", async () => {
      const page = await env.client().nonEligibleProducts.listNonEligibleProducts({ offset: 1, limit: 1 });
      expect(page).toMatchObject({ total_records: env.store().nonEligibleProducts.length, offset: 1, limit: 1 });
      expect(page.data?.map((rule) => rule.id)).toEqual([2]);
    });

    it("addBatchNonEligibleProducts", async () => {
      const added = await env
        .client()
        .nonEligibleProducts.addNonEligibleProducts([{ product_id: "shopify-gift-card", subsystem: "Loyalty" }]);
      expect(added).toMatchObject([{ product_id: "shopify-gift-card" }]);
      expect(env.store().nonEligibleProducts.map((rule) => rule.product_id)).toContain("shopify-gift-card");
    });

    it("updateBatchNonEligibleProducts", async () => {
      const outcome = await env
        .client()
        .nonEligibleProducts.updateNonEligibleProducts([{ id: 1, description: "Changed by the client" }]);
      expect(outcome.outcome).toBe("updated");
      expect(env.store().nonEligibleProducts.find((rule) => rule.id === 1)?.description).toBe("Changed by the client");
    });

    it("deleteNonEligibleProduct", async () => {
      expect((await env.client().nonEligibleProducts.deleteNonEligibleProduct({ id: 3 })).is_ok).toBe(true);
      expect(env.store().nonEligibleProducts.map((rule) => rule.id)).toEqual([1, 2]);
    });
  });

  it("testConnection", async () => {
    expect(await env.client().testConnection()).toMatchObject({ ok: true, store: { id: DEMO_STORE_ID } });
    expect(await env.client({ apiKey: "wrong-key" }).testConnection()).toMatchObject({
      ok: false,
      problem: "wrong-credentials",
    });
    env.sandbox.requestLog.length = 0; // the refused token request above answered 400 on purpose
  });
});

describe("authentication against the sandbox", () => {
  const env = useSandbox();

  it("discovers the token endpoint", async () => {
    await env.client().members.getMember({ memberId: kari });
    expect(env.log()).toEqual(["openidConfiguration 200", "requestAccessToken 200", "getMemberById 200"]);
  });

  it("shares one token request among 20 concurrent calls with a cold cache", async () => {
    const client = env.client();
    await Promise.all(Array.from({ length: 20 }, () => client.members.getMember({ memberId: kari })));
    expect(env.log("requestAccessToken")).toEqual(["requestAccessToken 200"]);
    expect(env.log("getMemberById")).toHaveLength(20);
  });

  it("after expireAllTokens: a 401, one refresh, one repeat, success", async () => {
    const client = env.client();
    await client.members.getMember({ memberId: kari });
    env.sandbox.expireAllTokens();
    env.sandbox.requestLog.length = 0;
    await expect(client.members.getMember({ memberId: kari })).resolves.toMatchObject({ id: kari });
    expect(env.log()).toEqual(["getMemberById 401", "requestAccessToken 200", "getMemberById 200"]);
    expect(client.sleeps).toEqual([]);
  });

  it("wrong credentials: one token request, DillerAuthError, no API call", async () => {
    const result = await env.client({ apiKey: "not-the-key" }).testConnection();
    expect(result).toMatchObject({ ok: false, problem: "wrong-credentials" });
    expect(env.log()).toEqual(["openidConfiguration 200", "requestAccessToken 400"]);
  });
});

describe("no discovery document", () => {
  const env = useSandbox({ discovery: false });

  it("falls back to {baseUrl}/connect/token", async () => {
    await expect(env.client().members.getMember({ memberId: kari })).resolves.toMatchObject({ id: kari });
    expect(env.sandbox.requestLog.map((entry) => [entry.path, entry.status])).toEqual([
      ["/.well-known/openid-configuration", 404],
      ["/connect/token", 200],
      [`/api/v2.0/stores/${DEMO_STORE_ID}/members/${kari}`, 200],
    ]);
  });
});

describe("token lifetime", () => {
  let now = new Date("2026-03-01T10:00:00Z");
  const advance = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const env = useSandbox({ tokenLifetimeSeconds: 120, now: () => now });

  it("refreshes a short-lived token ahead of expiry (injected clock), never sending an expired one", async () => {
    // GIVEN 120 s tokens: refreshed at max(120 − 60, 120 / 2) = 60 s
    const client = env.client({ now: () => now });
    await client.members.getMember({ memberId: kari });
    advance(59);
    await client.members.getMember({ memberId: kari });
    expect(env.log("requestAccessToken")).toHaveLength(1);
    // WHEN the refresh point passes, and later the first token's expiry
    advance(2);
    await client.members.getMember({ memberId: kari });
    advance(100);
    await client.members.getMember({ memberId: kari });
    // THEN a new token each time, and the sandbox never saw an expired one
    expect(env.log("requestAccessToken")).toEqual([
      "requestAccessToken 200",
      "requestAccessToken 200",
      "requestAccessToken 200",
    ]);
    expect(env.log("getMemberById")).toEqual(Array(4).fill("getMemberById 200"));
  });

  it("recovers when the server expires a token before the client expected (clock drift)", async () => {
    // GIVEN a client whose clock does not move while the server's does
    const frozen = now;
    const client = env.client({ now: () => frozen });
    await client.members.getMember({ memberId: kari });
    advance(130);
    // WHEN it calls with a token the server considers expired
    await expect(client.members.getMember({ memberId: kari })).resolves.toMatchObject({ id: kari });
    // THEN the 401 costs one refresh and one repeat
    expect(env.log().slice(-3)).toEqual(["getMemberById 401", "requestAccessToken 200", "getMemberById 200"]);
  });
});

describe("retries and failures against the sandbox", () => {
  const env = useSandbox();

  it("503 twice, then success", async () => {
    env.sandbox.faults.enqueue("getMemberById", { kind: "status", status: 503 }, { kind: "status", status: 503 });
    const client = env.client();
    await expect(client.members.getMember({ memberId: kari })).resolves.toMatchObject({ id: kari });
    expect(env.log("getMemberById")).toEqual(["getMemberById 503", "getMemberById 503", "getMemberById 200"]);
    expect(client.sleeps).toEqual([125, 250]);
  });

  it("429 with Retry-After: waits as told (injected sleep), then succeeds", async () => {
    env.sandbox.faults.enqueue("getMemberCoupons", { kind: "status", status: 429, retryAfterSeconds: 3 });
    const client = env.client();
    await client.coupons.listMemberCoupons({ memberId: kari });
    expect(env.log("getMemberCoupons")).toEqual(["getMemberCoupons 429", "getMemberCoupons 200"]);
    expect(client.sleeps).toEqual([3000]);
  });

  it("a dropped connection on a GET is retried", async () => {
    env.sandbox.faults.enqueue("getMemberById", { kind: "drop" });
    await expect(env.client().members.getMember({ memberId: kari })).resolves.toMatchObject({ id: kari });
    expect(env.log("getMemberById")).toEqual(["getMemberById 0", "getMemberById 200"]);
  });

  it("a stalled response ends in a timeout error, not a hang", async () => {
    env.sandbox.faults.enqueue("get", { kind: "stall" }, { kind: "stall" });
    const started = performance.now();
    const failure = await env
      .client({ timeoutMs: 200, retry: { maxAttempts: 2 } })
      .stores.getStore()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerNetworkError);
    expect(failure).toMatchObject({ timedOut: true, operationId: "get" });
    expect(env.log("get")).toEqual(["get 0", "get 0"]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("createTransaction applied but its answer lost: the re-send is a duplicate, counted as done, stored once", async () => {
    // GIVEN Diller applies the transaction, then the connection drops before the answer
    env.sandbox.faults.enqueue("createTransaction", { kind: "afterEffect", then: "drop" });
    // WHEN the client creates it
    const outcome = await env.client().transactions.createTransaction({
      memberId: kari,
      transaction: { external_id: "Order-4001", total: 100, currency: "NOK", origin: ORIGIN },
    });
    // THEN it re-sent once, got "duplicate external_id", reports duplicate, and Diller has exactly one
    expect(outcome).toMatchObject({ outcome: "duplicate" });
    expect(env.log("createTransaction")).toEqual(["createTransaction 0", "createTransaction 400"]);
    expect(env.store().transactions.filter((transaction) => transaction.externalId === "Order-4001")).toHaveLength(1);
  });

  it("registerMember applied but its answer lost: an ambiguous error, no blind re-send", async () => {
    // GIVEN Diller registers the member, then the connection drops
    env.sandbox.faults.enqueue("registerMember", { kind: "afterEffect", then: "drop" });
    const client = env.client();
    const phone = { country_code: "+47", number: "40009004" };
    // WHEN the client registers the member
    const failure = await client.members
      .registerMember({ phone, consent: { gdpr_accepted: true }, segments: REQUIRED_SEGMENTS, origin: ORIGIN })
      .catch((error: unknown) => error);
    // THEN one request only, a typed ambiguous error, and the documented recovery finds the member
    expect(failure).toBeInstanceOf(DillerAmbiguousFailureError);
    expect(env.log("registerMember")).toEqual(["registerMember 0"]);
    const found = await client.members.findMembersByPhone("+4740009004");
    expect(found.map((member) => member.phone)).toEqual([phone]);
    expect(env.store().members.filter((member) => member.phone.number === "40009004")).toHaveLength(1);
  });

  it("registerMember that timed out after being applied: ambiguous as well", async () => {
    env.sandbox.faults.enqueue("registerMember", { kind: "afterEffect", then: "stall" });
    const failure = await env
      .client({ timeoutMs: 200 })
      .members.registerMember({
        phone: { country_code: "+47", number: "40009005" },
        segments: REQUIRED_SEGMENTS,
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerAmbiguousFailureError);
    expect(env.log("registerMember")).toEqual(["registerMember 0"]);
  });

  it.each([
    ["HTML", "<html><body>Bad gateway</body></html>"],
    ["truncated JSON", '{"id": "x", "gender'],
    ["the wrong shape", '{"id": 42, "gender": "Male"}'],
  ])("a malformed answer (%s) is DillerUnexpectedResponseError", async (_case, body) => {
    env.sandbox.faults.enqueue("getMemberById", { kind: "malformed", body });
    const failure = await env
      .client()
      .members.getMember({ memberId: kari })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerUnexpectedResponseError);
    expect(env.log("getMemberById")).toHaveLength(1);
  });
});

describe("one-time codes with a leading zero", () => {
  const env = useSandbox({ generateOtpCode: () => "012345" });

  it("verifies a code starting with 0 although otp_code is an int32 on the wire", async () => {
    const otp = env.client().otp;
    await otp.sendLoginOtp({ memberId: kari });
    expect(env.sandbox.issuedOtps.at(-1)?.code).toBe("012345");
    expect(env.sent.at(-1)?.body).toBeUndefined();
    const result = await otp.verifyLoginOtp({ memberId: kari, code: "012345" });
    expect(JSON.parse(env.sent.at(-1)?.body ?? "null")).toEqual({ otp_code: 12345 });
    expect(result.is_ok).toBe(true);
  });
});
