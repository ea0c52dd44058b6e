import { readFileSync } from "node:fs";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

import { createContractValidator, DEFAULT_OPENAPI_PATH } from "./contract";
import { DEMO_MEMBERS, DEMO_STORE_ID } from "./index";
import { openApiSchemaToJsonSchema } from "./openapi-to-json-schema";
import { asArray, asRecord, expectNoContractViolations, startTestSandbox, type TestSandbox } from "./test-support";

const contract = createContractValidator();
const conversion = { refPrefix: "c#/definitions/", closeObjects: true };

describe("OpenAPI 3.0 → JSON Schema", () => {
  it.each([
    ["a nullable string", { type: "string", nullable: true }, { type: ["string", "null"] }],
    [
      "a nullable enum",
      { type: "string", enum: ["A"], nullable: true },
      { type: ["string", "null"], enum: ["A", null] },
    ],
    [
      "a nullable $ref",
      { allOf: [{ $ref: "#/components/schemas/Phone" }], nullable: true },
      { anyOf: [{ allOf: [{ $ref: "c#/definitions/Phone" }] }, { type: "null" }] },
    ],
    [
      "a boolean exclusiveMinimum",
      { type: "number", minimum: 0, exclusiveMinimum: true },
      { type: "number", exclusiveMinimum: 0 },
    ],
    [
      "an int32 with vendor keys",
      { type: "integer", format: "int32", "x-sdk": "y", example: 1 },
      { type: "integer", format: "int32" },
    ],
    [
      "an object (closed)",
      { type: "object", properties: { a: { type: "string", deprecated: true } } },
      { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
    ],
    [
      "a map (left open)",
      { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
      { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
    ],
  ])("converts %s", (_case, input, output) => {
    expect(openApiSchemaToJsonSchema(input, conversion)).toEqual(output);
  });

  it("refuses references outside components/schemas", () => {
    expect(() => openApiSchemaToJsonSchema({ $ref: "other.yaml#/X" }, conversion)).toThrow(/Unsupported \$ref/);
  });
});

describe("createContractValidator", () => {
  it("accepts a well-formed client request and reports every problem of a bad one by field", () => {
    const path = `/api/v2.0/stores/${DEMO_STORE_ID}/members/m1/transactions`;
    expect(contract.validateRequest({ method: "POST", path, body: { external_id: "A-1", total: 10 } })).toMatchObject({
      ok: true,
      operationId: "createTransaction",
    });

    const bad = contract.validateRequest({
      method: "POST",
      path,
      body: {
        externalId: "A-1",
        total: "10",
        created_at: "2024-01-01",
        details: [{ product: { gtin: { type: "EAN" } } }],
      },
    });

    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.map((error) => error.field).sort()).toEqual([
      "created_at",
      "details[0].product.gtin.type",
      "externalId",
      "total",
    ]);
  });

  it("coerces path and query parameters by their declared types", () => {
    const ok = contract.validateRequest({
      method: "GET",
      path: `/api/v2.0/stores/${DEMO_STORE_ID}/non-eligible-products?offset=0&LIMIT=100`,
    });
    expect(ok).toMatchObject({ ok: true, query: { offset: 0, limit: 100 } });

    const bad = contract.validateRequest({
      method: "POST",
      path: `/api/v2.0/stores/s/members/m/stamp-cards/1.5/reserve`,
    });
    expect(bad).toMatchObject({ ok: false, errors: [{ field: "stampId" }] });
  });

  it("validates the form body of the token request", () => {
    const form = "grant_type=client_credentials&scope=api.retailer";
    expect(contract.validateRequest({ method: "POST", path: "/connect/token", body: form }).ok).toBe(true);
    expect(contract.validateRequest({ method: "POST", path: "/connect/token", body: "grant_type=password" }).ok).toBe(
      false,
    );
  });

  it("checks responses per operation and status", () => {
    expect(
      contract.validateResponse({ operationId: "getMemberById", status: 200, body: { id: "m", gender: "Male" } }).ok,
    ).toBe(true);
    expect(contract.validateResponse({ operationId: "getMemberById", status: 200, body: { id: "m" } }).errors).toEqual([
      { field: "gender", message: "The gender field is required." },
    ]);
    expect(
      contract.validateResponse({ operationId: "getMemberById", status: 200, body: { gender: "Male", Gender: "x" } })
        .ok,
    ).toBe(false);
    expect(contract.validateResponse({ operationId: "updateDependents", status: 200, body: undefined }).ok).toBe(true);
    expect(contract.validateResponse({ operationId: "updateDependents", status: 200, body: {} }).ok).toBe(false);
    expect(
      contract.validateResponse({
        operationId: "updateBatchNonEligibleProducts",
        status: 207,
        body: [{ id: 1, status: true }],
      }).ok,
    ).toBe(true);
  });

  it("treats undeclared error statuses as problem details and undeclared successes as errors", () => {
    expect(
      contract.validateResponse({
        operationId: "getMemberById",
        status: 404,
        body: { status: 404, title: "Not Found" },
      }),
    ).toEqual({
      ok: true,
      declared: false,
      errors: [],
    });
    expect(contract.validateResponse({ operationId: "getMemberById", status: 201, body: {} }).ok).toBe(false);
  });

  it("can ignore unknown fields", () => {
    const lenient = createContractValidator(DEFAULT_OPENAPI_PATH, { allowUnknownFields: true });
    expect(
      lenient.validateResponse({ operationId: "getMemberById", status: 200, body: { gender: "Male", extra: 1 } }).ok,
    ).toBe(true);
  });

  it("names the schema each status declares", () => {
    expect(contract.responseSchemaName("get", 400)).toBe("ApiError");
    expect(contract.responseSchemaName("getNonEligibleProducts", 400)).toBe("ActionResponse");
    expect(contract.responseSchemaName("addBatchNonEligibleProducts", 400)).toBe("AddNonEligibleBatchError[]");
    expect(contract.responseSchemaName("updateBatchNonEligibleProducts", 207)).toBe("UpdateBatchStatus[]");
  });
});

describe("the sandbox over HTTP", () => {
  let t: TestSandbox;

  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.sandbox.stop());
  beforeEach(() => t.sandbox.reset("demo"));
  afterEach(() => expectNoContractViolations(t.sandbox));

  /** Operations listed straight from the YAML, independently of the sandbox's own parser. */
  function operationsInYaml(): Array<{ operationId: string; method: string; path: string }> {
    const document = asRecord(parseYaml(readFileSync(DEFAULT_OPENAPI_PATH, "utf8")));
    return Object.entries(asRecord(document.paths)).flatMap(([path, item]) =>
      Object.entries(asRecord(item)).map(([method, operation]) => ({
        operationId: String(asRecord(operation).operationId),
        method: method.toUpperCase(),
        path,
      })),
    );
  }

  const SAMPLE_PARAMETERS: Record<string, string> = {
    storeId: DEMO_STORE_ID,
    memberId: DEMO_MEMBERS.kari,
    couponCode: "WELCOME10",
    stampId: "1",
    nonEligibleProductId: "3",
    transactionId: "DEMO-ORDER-1001",
    externalTransactionId: "DEMO-ORDER-1001",
  };

  it("routes every operation of the contract (38, token endpoint included)", async () => {
    const operations = operationsInYaml();
    expect(operations).toHaveLength(38);
    const token = await t.token();

    const missing: string[] = [];
    for (const operation of operations) {
      const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => SAMPLE_PARAMETERS[name] ?? "x");
      const isToken = operation.operationId === "requestAccessToken";
      const response = await fetch(`${t.sandbox.baseUrl}${path}`, {
        method: operation.method,
        headers: isToken
          ? { "Content-Type": "application/x-www-form-urlencoded" }
          : { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body:
          operation.method === "GET" || operation.method === "DELETE"
            ? undefined
            : isToken
              ? "grant_type=client_credentials"
              : "{}",
      });
      await response.arrayBuffer();
      const logged = t.sandbox.requestLog.at(-1);
      if (logged?.operationId !== operation.operationId || [404, 405, 501].includes(response.status)) {
        if (!(response.status === 404 && logged?.operationId === operation.operationId)) {
          missing.push(`${operation.operationId} (${operation.method} ${operation.path} → ${response.status})`);
        }
      }
    }
    expect(missing, "operations the sandbox does not route").toEqual([]);
  });

  it("serves the whole demo seed within the contract", async () => {
    const reads = [
      "",
      "/departments",
      "/segments",
      "/membership-level",
      "/coupons?alsoInactive=true",
      "/stamp-cards?alsoInactive=true",
    ];
    for (const read of reads) expect((await t.store("GET", read.split("?")[0] ?? "", queryOf(read))).status).toBe(200);
    expect((await t.api("GET", "/stores")).status).toBe(200);
    for (const memberId of Object.values(DEMO_MEMBERS)) {
      for (const read of [
        "",
        "/coupons",
        "/stamp-cards",
        "/dependents",
        "/invited-friends",
        "/invited-friend",
        "/widgets/profile",
      ]) {
        expect((await t.store("GET", `/members/${memberId}${read}`)).status, `${memberId}${read}`).toBe(200);
      }
    }
    const page = await t.store("GET", "/non-eligible-products", { query: { limit: "100" } });
    expect(asArray(asRecord(page.body).data)).toHaveLength(3);
  });

  it.each([
    [
      "a non-integer stampId",
      "POST",
      `/members/${DEMO_MEMBERS.kari}/stamp-cards/abc/reserve`,
      { external_transaction_id: "A" },
      "stampId",
    ],
    [
      "an unknown gender",
      "POST",
      "/members",
      { phone: { country_code: "+47", number: "40000044" }, gender: "Unknown" },
      "gender",
    ],
    ["a registration without phone", "POST", "/members", { first_name: "No phone" }, "phone"],
    ["a phone without country code", "POST", "/members", { phone: { number: "40000044" } }, "phone.country_code"],
    [
      "a date without time",
      "POST",
      `/members/${DEMO_MEMBERS.kari}/transactions`,
      { external_id: "V-1", total: 1, created_at: "2026-03-01" },
      "created_at",
    ],
    [
      "a camelCase field",
      "POST",
      `/members/${DEMO_MEMBERS.kari}/transactions`,
      { externalId: "V-1", total: 1 },
      "externalId",
    ],
    [
      "a quantity as text",
      "POST",
      `/members/${DEMO_MEMBERS.kari}/transactions`,
      { external_id: "V-1", total: 1, details: [{ quantity: "2" }] },
      "details[0].quantity",
    ],
    [
      "an unknown GTIN type",
      "POST",
      `/members/${DEMO_MEMBERS.kari}/transactions`,
      { external_id: "V-1", total: 1, details: [{ product: { gtin: { type: "Ean" } } }] },
      "details[0].product.gtin.type",
    ],
    [
      "a consent flag as text",
      "PUT",
      `/members/${DEMO_MEMBERS.kari}`,
      { consent: { gdpr_accepted: "yes" } },
      "consent.gdpr_accepted",
    ],
    [
      "an otp_code beyond int32",
      "POST",
      `/members/${DEMO_MEMBERS.kari}/login-otp-verification`,
      { otp_code: 2 ** 40 },
      "otp_code",
    ],
    ["a missing body", "POST", "/members/enroll", undefined, "$"],
    ["a dependents object instead of a list", "POST", `/members/${DEMO_MEMBERS.kari}/dependents`, { id: 0 }, "$"],
  ])("answers %s with 400 problem details naming the field", async (_case, method, path, body, field) => {
    const response = await t.store(method, path, { body });

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(asRecord(response.body)).toMatchObject({ status: 400, title: "One or more validation errors occurred." });
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toContain(field);
  });

  it("answers a query parameter of the wrong type with 400 naming it", async () => {
    const response = await t.store("GET", "/coupons", { query: { alsoInactive: "maybe" } });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["alsoInactive"]);
  });

  it("answers malformed JSON with 400 problem details", async () => {
    const response = await t.store("POST", "/members", { rawBody: '{"phone": ' });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["$"]);
  });

  it("answers a non-JSON content type with 415", async () => {
    const response = await t.store("POST", "/members", { rawBody: "phone=1", contentType: "text/plain" });
    expect(response.status).toBe(415);
  });

  it("answers an unknown path with 404 problem details and a wrong method with 405", async () => {
    const unknown = await t.api("GET", `/stores/${DEMO_STORE_ID}/loyalty-points`);
    expect(unknown.status).toBe(404);
    expect(asRecord(unknown.body)).toMatchObject({ status: 404, title: "Not Found" });

    const wrongMethod = await t.store("DELETE", "/departments");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, POST");
  });

  it("matches paths like ASP.NET: case-insensitive literals and a trailing slash", async () => {
    expect((await t.api("GET", `/STORES/${DEMO_STORE_ID}/Segments/`)).status).toBe(200);
  });
});

function queryOf(read: string) {
  const query = read.split("?")[1];
  return query ? { query: Object.fromEntries(new URLSearchParams(query)) } : {};
}
