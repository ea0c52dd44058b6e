import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { fixture, KARI } from "../../tests/sync/harness";
import { TEST_SHOP } from "../../tests/shopify";
import { action as leave } from "~/routes/api.account.leave";
import { loader as loyalty } from "~/routes/api.account.loyalty";
import { action as confirmChange } from "~/routes/api.account.phone-change.confirm";
import { action as startChange } from "~/routes/api.account.phone-change.start";
import { action as sendCode } from "~/routes/api.account.phone-link.send";
import { action as verifyCode } from "~/routes/api.account.phone-link.verify";

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

const CUSTOMER = "8201";
/** Ola's phone on the Shopify customer, but not his email: a phone match. */
const OLA_BY_PHONE = { email: "ola.other@example.com", verified_email: true, phone: "+4740000002" };

const send = () => h.call(sendCode, "/api/account/phone-link/send", CUSTOMER, { method: "POST" });
const verify = (code: string) => h.call(verifyCode, "/api/account/phone-link/verify", CUSTOMER, { body: { code } });
const lastCode = () => h.sandbox.issuedOtps.at(-1)?.code ?? "";
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
const link = () => h.app.db.customerLink.findFirst({ where: { shop: TEST_SHOP, customerId: CUSTOMER } });

describe("linking a phone match by one-time code", () => {
  it("sends Diller's code to the matched member, refuses a wrong code, links on the right one", async () => {
    await h.setCustomer(CUSTOMER, OLA_BY_PHONE);
    const sent = await send();
    expect(sent).toMatchObject({ status: 200, body: { maskedPhone: "+47 ••••••02", sendsLeft: 2 } });
    expect(h.sandbox.issuedOtps).toEqual([{ memberId: DEMO_MEMBERS.ola, purpose: "login", code: expect.any(String) }]);

    const refused = await verify(wrong(lastCode()));
    expect(refused).toMatchObject({ status: 422, body: { error: { code: "otp_wrong_code" } } });
    expect((await link())?.memberId).toBeNull();

    const accepted = await verify(lastCode());
    expect(accepted.status).toBe(200);
    expect(accepted.body.member).toMatchObject({ levelTitle: "Gold", profile: { firstName: "Ola" } });
    expect(await link()).toMatchObject({ state: "LINKED", memberId: DEMO_MEMBERS.ola, linkedBy: "phone-otp" });
    const page = await h.call(loyalty, "/api/account/loyalty", CUSTOMER);
    expect(page.body.status).toBe("member");
  });

  it("has no number to type: without a phone on the Shopify customer nothing is sent", async () => {
    await h.setCustomer(CUSTOMER, { email: "x@example.com", phone: null });
    const answer = await h.call(sendCode, "/api/account/phone-link/send", CUSTOMER, {
      body: { phone: { countryCode: "+47", number: "40000002" } },
    });
    expect(answer).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect(h.sandbox.issuedOtps).toEqual([]);
  });

  it("answers otp_expired when no code was sent, or the code is older than its lifetime", async () => {
    await h.setCustomer(CUSTOMER, OLA_BY_PHONE);
    expect((await verify("123456")).body).toEqual({ error: { code: "otp_expired" } });
    await send();
    await h.app.db.accountOtp.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verify(lastCode())).toMatchObject({ status: 422, body: { error: { code: "otp_expired" } } });
    expect((await link())?.memberId).toBeNull();
  });

  it("kills a code after 5 wrong tries (429), even for the right code, until a new one is sent", async () => {
    await h.setCustomer(CUSTOMER, OLA_BY_PHONE);
    await send();
    const code = lastCode();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await verify(attempt === 2 ? "12ab" : wrong(code))).body.error.code).toBe("otp_wrong_code");
    }
    const fifth = await verify(wrong(code));
    expect(fifth.status).toBe(429);
    expect(fifth.body.error).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect((await verify(code)).status).toBe(429);
    expect((await link())?.memberId).toBeNull();

    await send();
    expect((await verify(lastCode())).status).toBe(200);
  });

  it("allows 3 sends per hour, then 429 with the seconds to wait", async () => {
    await h.setCustomer(CUSTOMER, OLA_BY_PHONE);
    expect((await send()).body.sendsLeft).toBe(2);
    expect((await send()).body.sendsLeft).toBe(1);
    expect((await send()).body.sendsLeft).toBe(0);
    const fourth = await send();
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get("Retry-After")).toBe(String(fourth.body.error.retryAfterSeconds));
    expect(fourth.body.error.retryAfterSeconds).toBeGreaterThan(3500);
    expect(h.sandbox.issuedOtps).toHaveLength(3);
  });
});

describe("changing the phone", () => {
  it("Diller sends a code to the new number; the right code for that number changes it", async () => {
    await h.app.db.customerLink.create({
      data: { shop: TEST_SHOP, customerId: CUSTOMER, memberId: DEMO_MEMBERS.lise, state: "LINKED", linkedBy: "email" },
    });
    const phone = { countryCode: "+47", number: "400 00 077" };
    const started = await h.call(startChange, "/api/account/phone-change/start", CUSTOMER, { body: { phone } });
    expect(started).toMatchObject({ status: 200, body: { maskedPhone: "+47 ••••••77", sendsLeft: 2 } });
    const code = lastCode();
    const confirm = (body: object) => h.call(confirmChange, "/api/account/phone-change/confirm", CUSTOMER, { body });

    const otherNumber = await confirm({ phone: { countryCode: "+47", number: "40000066" }, code });
    expect(otherNumber.body).toEqual({ error: { code: "invalid_input", fields: { phone: "invalid_phone" } } });
    expect((await confirm({ phone, code: wrong(code) })).body.error.code).toBe("otp_wrong_code");
    const done = await confirm({ phone, code });
    expect(done.status).toBe(200);
    expect(done.body.member.profile.phone).toEqual({ countryCode: "+47", number: "40000077" });
    expect(h.member(DEMO_MEMBERS.lise).phone).toEqual({ country_code: "+47", number: "40000077" });
  });

  it("refuses a number another member has, naming the phone", async () => {
    await h.app.db.customerLink.create({
      data: { shop: TEST_SHOP, customerId: CUSTOMER, memberId: DEMO_MEMBERS.lise, state: "LINKED", linkedBy: "email" },
    });
    const answer = await h.call(startChange, "/api/account/phone-change/start", CUSTOMER, {
      body: { phone: { countryCode: "+47", number: "40000001" } },
    });
    expect(answer.body).toEqual({ error: { code: "invalid_input", fields: { phone: "invalid_phone" } } });
  });
});

describe("leaving the program", () => {
  it("needs the confirmation, and keeps the member without it", async () => {
    await h.app.db.customerLink.create({
      data: { shop: TEST_SHOP, customerId: CUSTOMER, memberId: DEMO_MEMBERS.lise, state: "LINKED", linkedBy: "email" },
    });
    const answer = await h.call(leave, "/api/account/leave", CUSTOMER, { body: { confirm: false } });
    expect(answer.body).toEqual({ error: { code: "invalid_input", fields: { confirm: "must_accept" } } });
    expect(h.member(DEMO_MEMBERS.lise).deletedAt).toBeUndefined();
    expect(await link()).toMatchObject({ state: "LINKED" });
  });

  it("deletes the member in Diller, records when and why, clears Shopify, and later orders are skipped", async () => {
    const customerId = 8301;
    await h.app.db.customerLink.create({
      data: {
        shop: TEST_SHOP,
        customerId: String(customerId),
        memberId: DEMO_MEMBERS.kari,
        state: "LINKED",
        linkedBy: "email",
        customerJson: JSON.stringify({ id: customerId, email: KARI.email, verified_email: true, addresses: [] }),
      },
    });
    const answer = await h.call(leave, "/api/account/leave", String(customerId), {
      body: { confirm: true, reason: "too many emails" },
    });
    expect(answer).toMatchObject({ status: 200, body: { left: true } });
    expect(h.member(DEMO_MEMBERS.kari).deletedAt).toEqual(expect.any(String));
    const left = await h.app.db.customerLink.findFirst({ where: { customerId: String(customerId) } });
    expect(left).toMatchObject({ state: "LEFT", memberId: null, leftAt: expect.any(Date) });
    expect(left?.reason).toContain("too many emails");
    const cleared = h.adminApi.calls.find((call) => call.operation === "DillerClearCustomerLoyalty");
    expect(cleared?.variables).toMatchObject({ customerId: `gid://shopify/Customer/${customerId}` });

    // A later order of the same customer, with the same (verified) email: not booked, not relinked.
    const base = fixture("06");
    const order = {
      ...JSON.parse(JSON.stringify(base).replaceAll('"HKD"', '"NOK"')),
      id: 7_900_001,
      admin_graphql_api_id: "gid://shopify/Order/7900001",
      name: "#T7900001",
      email: KARI.email,
      customer: { ...(base.customer as object), id: customerId, email: KARI.email },
    };
    const before = h.transactions().length;
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(await h.orderSync("7900001")).toMatchObject({
      state: "SKIPPED",
      reason: "Not sent: the customer left the loyalty program",
    });
    expect(h.transactions()).toHaveLength(before);
    // A later customers/update with the member's verified email does not relink them either.
    await h.deliver("customers/update", {
      id: customerId,
      email: KARI.email,
      verified_email: true,
      addresses: [],
      updated_at: new Date(Date.now() + 60_000).toISOString(),
    });
    await h.settle();
    expect(await h.app.db.customerLink.findFirst({ where: { customerId: String(customerId) } })).toMatchObject({
      state: "LEFT",
      memberId: null,
    });
    const page = await h.call(loyalty, "/api/account/loyalty", String(customerId));
    expect(page.body.status).toBe("not_member");
  });
});
