import { describe, expect, it } from "vitest";

import {
  DillerAuthError,
  DillerError,
  DillerHttpError,
  DillerNetworkError,
  DillerNotFoundError,
  DillerRateLimitError,
  DillerServerError,
  DillerValidationError,
  errorFromResponse,
  findDillerError,
  isDuplicateTransactionError,
} from "./errors.server";

const NOW = new Date("2026-03-01T12:00:00Z");

function classify(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return errorFromResponse({
    operationId: "getMemberById",
    correlationId: "corr-1",
    status,
    headers: new Headers(headers),
    body,
    now: NOW,
  });
}

const problem = (fields: Record<string, unknown>) => ({ type: "https://tools.ietf.org/html/rfc9110", ...fields });

describe("errorFromResponse: status and body → error class", () => {
  it.each([
    [
      400,
      problem({ title: "One or more validation errors occurred.", errors: { email: ["bad"] } }),
      DillerValidationError,
    ],
    [400, { is_ok: false, details: "Offset must be 0 or more." }, DillerValidationError],
    [400, "plain text", DillerValidationError],
    [400, undefined, DillerValidationError],
    [400, problem({ title: "Bad Request", detail: "Member not found" }), DillerNotFoundError],
    [400, { is_ok: false, details: "The member does not exist." }, DillerNotFoundError],
    [400, problem({ errors: { memberId: ["No such member"] } }), DillerNotFoundError],
    [401, problem({ title: "Unauthorized" }), DillerAuthError],
    [403, problem({ title: "Forbidden" }), DillerAuthError],
    [404, undefined, DillerNotFoundError],
    [409, problem({ title: "Conflict" }), DillerValidationError],
    [422, undefined, DillerValidationError],
    [429, undefined, DillerRateLimitError],
    [500, "<html>oops</html>", DillerServerError],
    [502, undefined, DillerServerError],
    [503, problem({ title: "Service Unavailable" }), DillerServerError],
    [504, undefined, DillerServerError],
    [418, undefined, DillerHttpError],
  ])("HTTP %s with %j → %s", (status, body, expectedClass) => {
    const error = classify(status, body);
    expect(error).toBeInstanceOf(expectedClass);
    expect(error.constructor).toBe(expectedClass);
    expect(error).toBeInstanceOf(DillerError);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(body);
  });

  it("parses the problem details, field errors and Diller's request id", () => {
    // GIVEN an ASP.NET validation problem with a traceId
    const body = problem({
      title: "One or more validation errors occurred.",
      status: 400,
      detail: "Phone +4799999999 is already registered",
      errors: { "phone.number": ["already registered"], email: "single message" },
      traceId: "00-abc-01",
      unknownExtension: true,
    });
    // WHEN it is classified
    const error = classify(400, body);
    // THEN the field errors and request id are available, and the detail stays out of the message
    expect(error).toBeInstanceOf(DillerValidationError);
    expect(error instanceof DillerValidationError && error.fieldErrors).toEqual({
      "phone.number": ["already registered"],
      email: ["single message"],
    });
    expect(error.requestId).toBe("00-abc-01");
    expect(error.correlationId).toBe("corr-1");
    expect(error.message).toContain("HTTP 400");
    expect(error.message).toContain("One or more validation errors occurred.");
    expect(error.message).toContain("corr-1");
    expect(error.message).not.toContain("+4799999999");
  });

  it("takes the request id from X-Request-Id when the body has none", () => {
    expect(classify(500, undefined, { "x-request-id": "req-7" }).requestId).toBe("req-7");
  });

  it.each([
    ["7", 7000],
    ["Sun, 01 Mar 2026 12:00:30 GMT", 30_000],
    ["garbage", undefined],
  ])("reads Retry-After %s on a 429 as %s ms", (retryAfter, expected) => {
    const error = classify(429, undefined, { "retry-after": retryAfter });
    expect(error instanceof DillerRateLimitError && error.retryAfterMs).toBe(expected);
  });

  it("collects per-item errors of the batch endpoints", () => {
    const error = classify(400, [
      { product_id: "SKU-1", errors: ["expires_at must be in the future"] },
      { product_id_prefix: "GIFT-", errors: [] },
      { id: 42, status: false, errors: ["not found"] },
    ]);
    expect(error).toBeInstanceOf(DillerValidationError);
    expect(error instanceof DillerValidationError && error.itemErrors).toEqual([
      { key: "SKU-1", errors: ["expires_at must be in the future"] },
      { key: "42", errors: ["not found"] },
    ]);
  });
});

describe("isDuplicateTransactionError", () => {
  const duplicate = (body: unknown, status = 400) =>
    isDuplicateTransactionError(
      errorFromResponse({ operationId: "createTransaction", status, headers: new Headers(), body, now: NOW }),
    );

  it.each([
    ["errors.external_id says it exists", problem({ errors: { external_id: ["Order-1 already exists."] } }), true],
    ["errors.ExternalId without messages", problem({ errors: { ExternalId: [] } }), true],
    ["errors.$.external_id duplicate", problem({ errors: { "$.external_id": ["Duplicate value"] } }), true],
    [
      "detail names the external id",
      problem({ detail: "A transaction with external id 'Order-1' already exists" }),
      true,
    ],
    ["title says duplicate transaction", problem({ title: "Duplicate transaction" }), true],
    ["ActionResponse details", { is_ok: false, details: "Transaction Order-1 already exists" }, true],
    ["external_id too long is not a duplicate", problem({ errors: { external_id: ["Too long."] } }), false],
    ["another field's duplicate", problem({ errors: { email: ["already exists"] } }), false],
    ["a plain validation error", problem({ title: "One or more validation errors occurred." }), false],
    ["no body", undefined, false],
  ])("%s → %s", (_case, body, expected) => {
    expect(duplicate(body)).toBe(expected);
  });

  it("is false for a duplicate-looking 500 and for non-HTTP errors", () => {
    expect(duplicate(problem({ errors: { external_id: ["already exists"] } }), 500)).toBe(false);
    expect(isDuplicateTransactionError(new Error("external id already exists"))).toBe(false);
    expect(
      isDuplicateTransactionError(
        new DillerNetworkError({ operationId: "createTransaction", timedOut: true, ambiguous: true }),
      ),
    ).toBe(false);
  });
});

describe("findDillerError", () => {
  it("finds a Diller error in a cause chain", () => {
    const inner = new DillerNetworkError({ operationId: "requestAccessToken", timedOut: false, ambiguous: false });
    expect(findDillerError(new Error("outer", { cause: new Error("middle", { cause: inner }) }))).toBe(inner);
    expect(findDillerError(new Error("plain"))).toBeUndefined();
    expect(findDillerError("not an error")).toBeUndefined();
  });
});
