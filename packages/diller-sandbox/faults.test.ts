import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "./index";
import { asRecord, expectNoContractViolations, startTestSandbox, type TestSandbox } from "./test-support";

let t: TestSandbox;

beforeAll(async () => {
  t = await startTestSandbox();
  await t.token();
});
afterAll(() => t.sandbox.stop());
beforeEach(() => {
  t.sandbox.reset("demo");
  t.sandbox.faults.reset();
});
afterEach(() => expectNoContractViolations(t.sandbox));

const KARI = DEMO_MEMBERS.kari;
const getKari = (signal?: AbortSignal) => t.store("GET", `/members/${KARI}`, { signal });
const lastLog = () => t.sandbox.requestLog.at(-1);

describe("standing fault configuration", () => {
  it("adds latency without blocking the event loop (a later admin call answers first)", async () => {
    t.sandbox.faults.set({ latencyMs: 400 });
    const finished: string[] = [];

    const slow = getKari().then((response) => {
      finished.push("api");
      return response;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await t.raw("GET", "/_sandbox/health").then(() => finished.push("admin"));

    expect((await slow).status).toBe(200);
    expect(finished).toEqual(["admin", "api"]);
  });

  it.each([
    [503, "3"],
    [500, null],
    [502, null],
    [504, null],
  ] as const)("answers every request with %s when errorRate is 1 (Retry-After %s)", async (errorStatus, retryAfter) => {
    t.sandbox.faults.set({ errorRate: 1, errorStatus, retryAfterSeconds: 3 });

    const response = await getKari();

    expect(response.status).toBe(errorStatus);
    expect(response.headers.get("retry-after")).toBe(retryAfter);
    expect(asRecord(response.body).status).toBe(errorStatus);
    expect(lastLog()).toMatchObject({ operationId: "getMemberById", status: errorStatus });
  });

  it("answers 429 with Retry-After when rateLimitRate is 1", async () => {
    t.sandbox.faults.set({ rateLimitRate: 1, retryAfterSeconds: 7 });

    const response = await getKari();

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
  });

  it("never answers when stallRate is 1, until the client gives up", async () => {
    t.sandbox.faults.set({ stallRate: 1 });

    await expect(getKari(AbortSignal.timeout(300))).rejects.toThrow();
    expect(lastLog()).toMatchObject({ operationId: "getMemberById", status: 0 });
  });

  it("rejects an invalid configuration", () => {
    expect(() => t.sandbox.faults.set({ errorRate: 2 })).toThrow(/errorRate/);
  });
});

describe("scripted faults", () => {
  it("hit the next matching requests in order, then normal behaviour resumes", async () => {
    t.sandbox.faults.enqueue(
      "getMemberById",
      { kind: "status", status: 500 },
      { kind: "status", status: 503, retryAfterSeconds: 2 },
    );

    const first = await getKari();
    const unrelated = await t.store("GET", "/segments");
    const second = await getKari();
    const third = await getKari();

    expect([first.status, unrelated.status, second.status, third.status]).toEqual([500, 200, 503, 200]);
    expect(second.headers.get("retry-after")).toBe("2");
  });

  it('match "*" hits any operation, including the token endpoint', async () => {
    t.sandbox.faults.enqueue("*", { kind: "status", status: 502 });

    await expect(t.token()).rejects.toThrow(/502/);
    expect(lastLog()).toMatchObject({ operationId: "requestAccessToken", status: 502 });
    expect(typeof (await t.token())).toBe("string");
  });

  it("sends a custom body with a scripted status", async () => {
    t.sandbox.faults.enqueue("getMemberById", { kind: "status", status: 409, body: { message: "custom" } });

    const response = await getKari();

    expect(response.status).toBe(409);
    expect(response.body).toEqual({ message: "custom" });
  });

  it("stall: accepts the request and never answers", async () => {
    t.sandbox.faults.enqueue("getMemberById", { kind: "stall" });

    await expect(getKari(AbortSignal.timeout(300))).rejects.toThrow();
    expect((await getKari()).status).toBe(200);
  });

  it("drop: closes the connection without a response", async () => {
    t.sandbox.faults.enqueue("getMemberById", { kind: "drop" });

    await expect(getKari()).rejects.toThrow(/fetch failed/);
    expect(lastLog()).toMatchObject({ operationId: "getMemberById", status: 0 });
  });

  it("malformed: answers 200 with a body that is not the contract (here not even JSON)", async () => {
    t.sandbox.faults.enqueue("getMemberById", { kind: "malformed", body: "<html>Gateway hiccup</html>" });

    const response = await getKari();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.text).toBe("<html>Gateway hiccup</html>");
  });

  it("afterEffect drop: the transaction is stored although the client saw no response", async () => {
    // GIVEN the next createTransaction takes effect and then loses its response
    t.sandbox.faults.enqueue("createTransaction", { kind: "afterEffect", then: "drop" });
    const body = { external_id: "AMBIGUOUS-1", total: 100, currency: "NOK" };

    // WHEN the client sends it and retries after the failure
    await expect(t.store("POST", `/members/${KARI}/transactions`, { body })).rejects.toThrow();
    const retry = await t.store("POST", `/members/${KARI}/transactions`, { body });

    // THEN the first attempt counted: the retry is a duplicate and the points were awarded once
    expect(
      t.sandbox.state.stores[0]?.transactions.some((transaction) => transaction.externalId === "AMBIGUOUS-1"),
    ).toBe(true);
    expect(retry.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(retry.body).errors))).toEqual(["external_id"]);
    expect(asRecord(asRecord((await getKari()).body).membership_detail).points).toBe(1300);
  });

  it.each([
    ["a 504", { status: 504 }, 504],
    ["a stall", "stall", undefined],
  ] as const)("afterEffect with %s: the member update is applied anyway", async (_case, then, status) => {
    t.sandbox.faults.enqueue("updateMember", { kind: "afterEffect", then });

    const update = t.store("PUT", `/members/${KARI}`, {
      body: { first_name: "Changed" },
      signal: AbortSignal.timeout(500),
    });

    if (status === undefined) await expect(update).rejects.toThrow();
    else expect((await update).status).toBe(status);
    expect(asRecord((await getKari()).body).first_name).toBe("Changed");
  });
});

describe("fault control over HTTP", () => {
  it("sets, enqueues and clears faults through /_sandbox/faults", async () => {
    const json = { "Content-Type": "application/json" };
    const set = await t.raw("POST", "/_sandbox/faults", { headers: json, body: JSON.stringify({ errorRate: 1 }) });
    expect(asRecord(asRecord(set.body).faults).errorRate).toBe(1);
    expect((await getKari()).status).toBe(503);

    await t.raw("DELETE", "/_sandbox/faults");
    expect((await getKari()).status).toBe(200);

    await t.raw("POST", "/_sandbox/faults", {
      headers: json,
      body: JSON.stringify({
        enqueue: { match: "getMemberById", faults: [{ kind: "status", status: 429, retryAfterSeconds: 9 }] },
      }),
    });
    const limited = await getKari();
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "9"]);

    const invalid = await t.raw("POST", "/_sandbox/faults", { headers: json, body: JSON.stringify({ stallRate: -1 }) });
    expect(invalid.status).toBe(400);
  });
});

describe("stop()", () => {
  it("closes stalled connections instead of waiting for them", async () => {
    const own = await startTestSandbox();
    own.sandbox.faults.enqueue("get", { kind: "stall" });
    const stalled = own.store("GET", "");
    const settled = stalled.then(
      () => "answered",
      () => "closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    await own.sandbox.stop();

    expect(await settled).toBe("closed");
  });
});
