import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { silentLogger } from "~/logger.server";

import { createConnectionTester } from "~/diller/client.server";

import { safeHttpUrl, testConnection } from "./connection.server";

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => {
  sandbox.faults.reset();
});

const target = () => ({
  baseUrl: sandbox.baseUrl,
  storeId: sandbox.credentials.storeId,
  apiKey: sandbox.credentials.apiKey,
});
// The tester as the composition root injects it, with one attempt and a short timeout: a stalled
// Diller must not hold the merchant's page for long in tests.
const tester = createConnectionTester({ timeoutMs: 300, retry: { maxAttempts: 1 }, logger: silentLogger });

describe("testConnection", () => {
  it("summarises the store when the connection works", async () => {
    expect(await testConnection(tester, target())).toEqual({
      ok: true,
      store: expect.objectContaining({
        id: sandbox.credentials.storeId,
        currency: "NOK",
        pointsEnabled: true,
        pointsPerCurrencyUnit: 1,
        privacyPolicyUrl: "https://example.com/privacy",
      }),
    });
  });

  it.each([
    {
      problem: "timeout",
      fault: { kind: "stall" as const },
      key: "connection.problem.timeout",
      params: { seconds: 1 },
    },
    {
      problem: "rate-limited",
      fault: { kind: "status" as const, status: 429, retryAfterSeconds: 600 },
      key: "connection.problem.rateLimited",
    },
    { problem: "server-error", fault: { kind: "status" as const, status: 500 }, key: "connection.problem.serverError" },
    {
      problem: "unexpected-response",
      fault: { kind: "malformed" as const, body: "<html>proxy</html>" },
      key: "connection.problem.unexpectedResponse",
    },
    {
      problem: "store-mismatch",
      fault: { kind: "malformed" as const, body: JSON.stringify({ id: "someone-else", store_name: "Other" }) },
      key: "connection.problem.storeMismatch",
    },
  ])("explains $problem with a message the merchant can act on", async ({ problem, fault, key, params }) => {
    // GIVEN the store lookup fails this way
    sandbox.faults.enqueue("get", fault);
    const check = await testConnection(tester, target());
    expect(check).toMatchObject({ ok: false, problem, message: { key } });
    // A failed call carries the reference Diller support asks for; a wrong store is a successful call.
    if (problem !== "store-mismatch") expect(check).toMatchObject({ reference: expect.any(String) });
    if (params) expect(check).toMatchObject({ message: { params } });
  });

  it.each([
    { baseUrl: "not a url", problem: "invalid-base-url" },
    { baseUrl: "http://diller.example.com", problem: "insecure-base-url" },
  ])("refuses $baseUrl before sending anything", async ({ baseUrl, problem }) => {
    const before = sandbox.requestLog.length;
    expect(await testConnection(tester, { ...target(), baseUrl })).toMatchObject({ ok: false, problem });
    expect(sandbox.requestLog.length).toBe(before);
  });
});

describe("safeHttpUrl", () => {
  it.each([
    ["https://example.com/privacy", "https://example.com/privacy"],
    ["http://example.com", "http://example.com"],
    ["javascript:alert(1)", null],
    ["data:text/html,hi", null],
    ["/relative", null],
    [undefined, null],
  ])("%j → %j", (value, expected) => {
    expect(safeHttpUrl(value)).toBe(expected);
  });
});
