import { describe, expect, it } from "vitest";

import {
  DillerAmbiguousFailureError,
  DillerInvalidInputError,
  DillerNetworkError,
  DillerRateLimitError,
  DillerServerError,
  DillerUnexpectedResponseError,
} from "./errors.server";
import { createFakeDiller, createTestClient, FAKE_STORE_ID, type FakeReply } from "./testing/fake-diller";

const STORE_PATH = `/api/v2.0/stores/${FAKE_STORE_ID}`;
const MEMBER = { id: "m1", gender: "Female", email: "kari@example.com" };
const GET_MEMBER = `GET ${STORE_PATH}/members/m1`;
const REGISTER = `POST ${STORE_PATH}/members`;
const NEW_MEMBER = { phone: { country_code: "+47", number: "40000000" }, email: "kari@example.com" };

const ok = (json: unknown): FakeReply => ({ json });
const status = (code: number, headers?: Record<string, string>): FakeReply => ({ status: code, text: "", headers });

describe("retries", () => {
  it("repeats a GET after 503, 503 with exponential backoff and full jitter", async () => {
    // GIVEN two 503s then a member; random() = 0.5, base delay 250 ms
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, status(503), status(503), ok(MEMBER));
    const { client, sleeps } = createTestClient(fake);
    // WHEN the member is read
    await expect(client.members.getMember({ memberId: "m1" })).resolves.toMatchObject({ id: "m1" });
    // THEN three attempts, waiting 0.5 × 250 and 0.5 × 500 ms
    expect(fake.apiRequests()).toHaveLength(3);
    expect(sleeps).toEqual([125, 250]);
  });

  it("caps the backoff at maxDelayMs and stops after maxAttempts", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, status(503));
    const { client, sleeps } = createTestClient(fake, {
      random: () => 0.999,
      retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 },
    });
    const failure = await client.members.getMember({ memberId: "m1" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerServerError);
    expect(fake.apiRequests()).toHaveLength(5);
    expect(sleeps).toEqual([99, 199, 299, 299]);
  });

  it("does not repeat a 500", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, status(500));
    const { client, sleeps } = createTestClient(fake);
    await expect(client.members.getMember({ memberId: "m1" })).rejects.toBeInstanceOf(DillerServerError);
    expect(fake.apiRequests()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each([
    ["delay-seconds", "2", 2000],
    ["an HTTP date", "Sun, 01 Mar 2026 10:00:07 GMT", 7000],
  ])("honours Retry-After as %s on a 429", async (_format, retryAfter, expectedSleep) => {
    const fake = createFakeDiller();
    fake.reply(REGISTER, status(429, { "retry-after": retryAfter }), ok({ id: "m2", gender: "Male" }));
    const { client, sleeps } = createTestClient(fake, { now: () => new Date("2026-03-01T10:00:00Z") });
    // a 429 was not processed, so even registerMember is repeated
    await expect(client.members.registerMember(NEW_MEMBER)).resolves.toMatchObject({ id: "m2" });
    expect(sleeps).toEqual([expectedSleep]);
  });

  it("honours Retry-After on a 503 too", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, status(503, { "retry-after": "1" }), ok(MEMBER));
    const { client, sleeps } = createTestClient(fake);
    await client.members.getMember({ memberId: "m1" });
    expect(sleeps).toEqual([1000]);
  });

  it("hands a Retry-After beyond the cap to the caller instead of waiting", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, status(429, { "retry-after": "120" }));
    const { client, sleeps } = createTestClient(fake);
    const failure = await client.members.getMember({ memberId: "m1" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerRateLimitError);
    expect(failure).toMatchObject({ retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
  });

  it("times out a stalled response and repeats a GET", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, { stall: true }, ok(MEMBER));
    const { client } = createTestClient(fake, { timeoutMs: 25 });
    await expect(client.members.getMember({ memberId: "m1" })).resolves.toMatchObject({ id: "m1" });
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it("ends a GET that keeps stalling in a timeout error (no hang)", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, { stall: true });
    const { client } = createTestClient(fake, { timeoutMs: 20 });
    const failure = await client.members.getMember({ memberId: "m1" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerNetworkError);
    expect(failure).toMatchObject({ timedOut: true, ambiguous: true, operationId: "getMemberById" });
    expect(String(failure)).toMatch(/timed out after 20 ms/);
    expect(fake.apiRequests()).toHaveLength(3);
  });

  it.each<[string, FakeReply]>([
    ["a timeout", { stall: true }],
    ["a connection reset", { networkError: "ECONNRESET" }],
    ["a 502", status(502)],
    ["a 504", status(504)],
  ])("never re-sends registerMember after %s: it reports an ambiguous failure", async (_case, reply) => {
    // GIVEN an ambiguous failure of a call that could create a second member if repeated
    const fake = createFakeDiller();
    fake.reply(REGISTER, reply, ok({ id: "m2", gender: "Male" }));
    const { client, sleeps } = createTestClient(fake, { timeoutMs: 20 });
    // WHEN the member is registered
    const failure = await client.members.registerMember(NEW_MEMBER).catch((error: unknown) => error);
    // THEN one request only, and a typed ambiguous error for the caller to resolve (search first)
    expect(failure).toBeInstanceOf(DillerAmbiguousFailureError);
    expect(failure).toMatchObject({ operationId: "registerMember", ambiguous: true });
    expect(fake.apiRequests()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("re-sends registerMember when the connection was refused (nothing was sent)", async () => {
    const fake = createFakeDiller();
    fake.reply(REGISTER, { networkError: "ECONNREFUSED" }, ok({ id: "m2", gender: "Male" }));
    const { client } = createTestClient(fake);
    await expect(client.members.registerMember(NEW_MEMBER)).resolves.toMatchObject({ id: "m2" });
    expect(fake.apiRequests()).toHaveLength(2);
  });

  it("repeats createTransaction after a timeout and reports the duplicate answer as done", async () => {
    // GIVEN a first attempt that Diller applied but whose answer was lost, then a duplicate rejection
    const fake = createFakeDiller();
    fake.reply(
      `POST ${STORE_PATH}/members/m1/transactions`,
      { stall: true },
      {
        status: 400,
        json: {
          title: "One or more validation errors occurred.",
          status: 400,
          errors: { external_id: ["A transaction with external_id 'Order-1001' already exists."] },
        },
      },
    );
    const { client } = createTestClient(fake, { timeoutMs: 20 });
    // WHEN the transaction is created
    const outcome = await client.transactions.createTransaction({
      memberId: "m1",
      transaction: { external_id: "Order-1001", total: 100 },
    });
    // THEN it was sent twice, with the same body and correlation id, and counts as done
    expect(outcome).toMatchObject({ outcome: "duplicate" });
    const [first, second] = fake.apiRequests();
    expect(second?.body).toBe(first?.body);
    expect(second?.headers.get("x-correlation-id")).toBe(first?.headers.get("x-correlation-id"));
  });
});

describe("malformed responses", () => {
  it.each<[string, FakeReply]>([
    ["HTML", { text: "<html>maintenance</html>" }],
    ["truncated JSON", { text: '{"id": "m1", "gend' }],
    ["an empty body", { text: "" }],
    ["the wrong shape", { json: { id: 42, gender: "Male" } }],
    ["a list instead of an object", { json: [MEMBER] }],
  ])("%s in a 200 is DillerUnexpectedResponseError, not retried", async (_case, reply) => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, reply);
    const { client } = createTestClient(fake);
    const failure = await client.members.getMember({ memberId: "m1" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerUnexpectedResponseError);
    expect(failure).toMatchObject({ operationId: "getMemberById", status: 200 });
    expect(fake.apiRequests()).toHaveLength(1);
  });

  it("names where the body differs, without quoting values", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, ok({ gender: "Male", email: 12345678, phone: { country_code: "+47" } }));
    const { client } = createTestClient(fake);
    const failure = await client.members.getMember({ memberId: "m1" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerUnexpectedResponseError);
    const issues = failure instanceof DillerUnexpectedResponseError ? failure.issues : [];
    expect(issues.join("\n")).toMatch(/^email: /m);
    expect(issues.join("\n")).toMatch(/^phone\.number: /m);
    expect(JSON.stringify(issues)).not.toContain("12345678");
  });

  it("keeps a non-JSON error body on the error instead of crashing", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, { status: 500, text: "<html>boom</html>" });
    const { client } = createTestClient(fake);
    const failure = await client.members.getMember({ memberId: "m1" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DillerServerError);
    expect(failure).toMatchObject({ status: 500, body: "<html>boom</html>", problem: undefined });
  });
});

describe("requests", () => {
  it("URL-encodes path values (coupon codes may hold spaces and slashes)", async () => {
    const fake = createFakeDiller();
    const { client } = createTestClient(fake);
    fake.reply(`GET ${STORE_PATH}/members/m%2F1/coupons/SUMMER%2010%2FOFF%25/validate`, ok({ is_ok: true }));
    await expect(client.coupons.validateCoupon({ memberId: "m/1", couponCode: "SUMMER 10/OFF%" })).resolves.toEqual({
      is_ok: true,
    });
  });

  it("sends a + phone number encoded in the query", async () => {
    const fake = createFakeDiller();
    fake.reply(`GET ${STORE_PATH}/members/search`, ok([MEMBER]));
    const { client } = createTestClient(fake);
    await client.members.findMembersByPhone("+47 400 00 000");
    const [search] = fake.apiRequests();
    expect(search?.url.search).toBe("?phone=%2B4740000000");
    expect(search?.url.searchParams.get("phone")).toBe("+4740000000");
  });

  it("sends JSON with the documented headers, one correlation id per call", async () => {
    const fake = createFakeDiller();
    fake.reply(REGISTER, status(503), ok({ id: "m2", gender: "Male" }));
    fake.reply(GET_MEMBER, ok(MEMBER));
    const { client } = createTestClient(fake);
    await client.members.registerMember(NEW_MEMBER);
    await client.members.getMember({ memberId: "m1" });
    const [first, retry, get] = fake.apiRequests();
    expect(first?.headers.get("content-type")).toBe("application/json");
    expect(first?.headers.get("accept")).toBe("application/json");
    expect(first?.headers.get("user-agent")).toMatch(/^DillerLoyaltyShopify\//);
    expect(JSON.parse(first?.body ?? "null")).toEqual(NEW_MEMBER);
    expect(retry?.headers.get("x-correlation-id")).toBe(first?.headers.get("x-correlation-id"));
    expect(get?.headers.get("x-correlation-id")).not.toBe(first?.headers.get("x-correlation-id"));
    expect(get?.headers.get("content-type")).toBeNull();
    expect(get?.body).toBeUndefined();
  });

  it.each([
    ["an empty member id", () => ({ memberId: " ", stampId: 1 })],
    ["a fractional stamp id", () => ({ memberId: "m1", stampId: 1.5 })],
  ])("refuses %s before sending anything", async (_case, input) => {
    const fake = createFakeDiller();
    const { client } = createTestClient(fake);
    await expect(
      client.stampCards.reserveStamp({ ...input(), reservation: { external_transaction_id: "o-1" } }),
    ).rejects.toBeInstanceOf(DillerInvalidInputError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe("logging", () => {
  it("writes one line per attempt with ids, template, status, timing; no personal data", async () => {
    // GIVEN a search by email and phone whose first attempt fails
    const fake = createFakeDiller();
    fake.reply(`GET ${STORE_PATH}/members/search`, status(503), ok([MEMBER]));
    const { client, logLines } = createTestClient(fake);
    // WHEN the search runs
    await client.members.searchMembers({ email: "kari@example.com", phone: "+4740000000" });
    // THEN two API lines, with the path template, and neither the email nor the phone anywhere
    const apiLines = logLines.filter((line) => line.operationId === "getMemberByFilter");
    expect(apiLines).toHaveLength(2);
    expect(apiLines.map((line) => [line.status, line.attempt])).toEqual([
      [503, 1],
      [200, 2],
    ]);
    for (const line of apiLines) {
      expect(line).toMatchObject({
        msg: "diller call",
        component: "diller",
        method: "GET",
        path: "/api/v2.0/stores/{storeId}/members/search",
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        durationMs: expect.any(Number),
      });
    }
    const everything = JSON.stringify(logLines);
    expect(everything).not.toContain("kari@example.com");
    expect(everything).not.toContain("4740000000");
  });
});
