import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "./index";
import { asRecord, expectNoContractViolations, startTestSandbox, type TestSandbox } from "./test-support";

const KARI = DEMO_MEMBERS.kari;
const codes: string[] = [];

let t: TestSandbox;

beforeAll(async () => {
  // Codes come from this queue when a test fills it, otherwise "123456".
  t = await startTestSandbox({ generateOtpCode: () => codes.shift() ?? "123456" });
});
afterAll(() => t.sandbox.stop());
beforeEach(() => {
  t.sandbox.reset("demo");
  codes.length = 0;
});
afterEach(() => expectNoContractViolations(t.sandbox));

const verifyLogin = (otpCode: unknown) =>
  t.store("POST", `/members/${KARI}/login-otp-verification`, { body: { otp_code: otpCode } });

describe("login OTP", () => {
  it("issues a code, logs it instead of sending an SMS, and accepts it once", async () => {
    const issued = await t.store("POST", `/members/${KARI}/login-otp`);

    expect(issued.body).toEqual({ is_ok: true, details: expect.any(String) });
    expect(t.sandbox.issuedOtps).toEqual([{ memberId: KARI, purpose: "login", code: "123456" }]);
    expect(t.logger.lines).toContainEqual(
      expect.objectContaining({ level: "info", fields: expect.objectContaining({ memberId: KARI, code: "123456" }) }),
    );
    expect((await verifyLogin(123456)).body).toEqual({ is_ok: true, details: expect.any(String) });
    expect(asRecord((await verifyLogin(123456)).body).is_ok).toBe(false);
  });

  it("compares numerically, so a code with a leading zero matches the int32 the client sends", async () => {
    // GIVEN a code that starts with 0: on the wire (int32) it can only arrive as 12345
    codes.push("012345");
    await t.store("POST", `/members/${KARI}/login-otp`);
    expect(t.sandbox.issuedOtps.at(-1)?.code).toBe("012345");

    // THEN the number 12345 verifies it
    expect(asRecord((await verifyLogin(12345)).body).is_ok).toBe(true);
  });

  it("rejects the code as a string (otp_code is an int32)", async () => {
    await t.store("POST", `/members/${KARI}/login-otp`);

    const response = await verifyLogin("123456");

    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["otp_code"]);
  });

  it("expires a code after 5 minutes", async () => {
    await t.store("POST", `/members/${KARI}/login-otp`);
    t.clock.advanceMinutes(5);
    t.clock.advanceSeconds(1);

    expect((await verifyLogin(123456)).body).toEqual({ is_ok: false, details: expect.stringContaining("expired") });
  });

  it("discards a code after 5 wrong attempts", async () => {
    await t.store("POST", `/members/${KARI}/login-otp`);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await verifyLogin(111111)).body).toEqual({ is_ok: false, details: "The one-time code is wrong." });
    }
    expect((await verifyLogin(111111)).body).toEqual({
      is_ok: false,
      details: expect.stringContaining("too many attempts"),
    });

    // The right code no longer helps.
    expect(asRecord((await verifyLogin(123456)).body).is_ok).toBe(false);
  });

  it("answers 404 for an unknown member", async () => {
    expect((await t.store("POST", "/members/nobody/login-otp")).status).toBe(404);
  });
});

describe("phone change", () => {
  const newPhone = { country_code: "+47", number: "40000066" };

  it("changes the phone after the code sent to the new number is confirmed", async () => {
    codes.push("654321");
    const started = await t.store("POST", `/members/${KARI}/reset-phone`, { body: newPhone });
    expect(asRecord(started.body).is_ok).toBe(true);
    expect(t.sandbox.issuedOtps.at(-1)).toEqual({
      memberId: KARI,
      purpose: "reset-phone",
      code: "654321",
      phone: "+4740000066",
    });

    const verified = await t.store("POST", `/members/${KARI}/reset-phone-verification`, {
      body: { phone: newPhone, otp_code: 654321 },
    });

    expect(asRecord(verified.body).is_ok).toBe(true);
    expect(asRecord((await t.store("GET", `/members/${KARI}`)).body).phone).toEqual(newPhone);
    const found = await t.store("GET", "/members/search", { query: { phone: "+4740000066" } });
    expect(found.body).toEqual([expect.objectContaining({ id: KARI })]);
  });

  it("does not change the phone when the verification names another number", async () => {
    await t.store("POST", `/members/${KARI}/reset-phone`, { body: newPhone });

    const verified = await t.store("POST", `/members/${KARI}/reset-phone-verification`, {
      body: { phone: { country_code: "+47", number: "40000067" }, otp_code: 123456 },
    });

    expect(asRecord(verified.body).is_ok).toBe(false);
    expect(asRecord((await t.store("GET", `/members/${KARI}`)).body).phone).toEqual({
      country_code: "+47",
      number: "40000001",
    });
  });

  it("refuses a number that belongs to another member", async () => {
    const response = await t.store("POST", `/members/${KARI}/reset-phone`, {
      body: { country_code: "+47", number: "40000002" },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toEqual(["number"]);
  });

  it.each([
    ["no phone", { otp_code: 123456 }, "phone"],
    ["no code", { phone: newPhone }, "otp_code"],
    ["a phone without number", { phone: { country_code: "+47" }, otp_code: 1 }, "phone.number"],
  ])("rejects a verification with %s", async (_case, body, field) => {
    const response = await t.store("POST", `/members/${KARI}/reset-phone-verification`, { body });
    expect(response.status).toBe(400);
    expect(Object.keys(asRecord(asRecord(response.body).errors))).toContain(field);
  });
});
