import { describe, expect, it } from "vitest";

import {
  GENDERS,
  isKnownValue,
  MemberCouponResponseSchema,
  MemberListSchema,
  MemberResponseSchema,
  NonEligibleProductPageSchema,
  ProblemDetailsSchema,
  StoreResponseSchema,
  TokenResponseSchema,
} from "./schemas.server";

describe("response schemas are lenient where the contract leaves room", () => {
  it("drops unknown fields at every depth", () => {
    // GIVEN a member with fields the contract does not know (top level and nested)
    const parsed = MemberResponseSchema.parse({
      id: "m1",
      gender: "Female",
      loyalty_tier_color: "gold",
      consent: { gdpr_accepted: true, marketing_magic: true },
    });
    // THEN they are not in the parsed value
    expect(parsed).not.toHaveProperty("loyalty_tier_color");
    expect(parsed.consent).toEqual({
      gdpr_accepted: true,
      save_order_history: undefined,
      receive_sms: undefined,
      receive_email: undefined,
    });
  });

  it("accepts missing and null optional fields, reading both as undefined", () => {
    const parsed = MemberResponseSchema.parse({ gender: "Male", email: null, phone: null, segments: null });
    expect(parsed.id).toBeUndefined();
    expect(parsed.email).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
    expect(parsed.segments).toBeUndefined();
    expect(StoreResponseSchema.parse({})).toEqual({});
  });

  it("keeps an enum value the contract does not list yet, as a string", () => {
    const parsed = MemberResponseSchema.parse({ gender: "PreferNotToSay", segments: [{ type: "Slider" }] });
    expect(parsed.gender).toBe("PreferNotToSay");
    expect(parsed.segments?.[0]?.type).toBe("Slider");
    expect(isKnownValue(GENDERS, parsed.gender)).toBe(false);
    expect(isKnownValue(GENDERS, "NonBinary")).toBe(true);
  });

  it.each([
    ["a required field missing", { id: "m1" }, "gender"],
    ["a string where a string is required", { gender: 1 }, "gender"],
    ["a number as id", { gender: "Male", id: 12 }, "id"],
    ["a string as a boolean", { gender: "Male", consent: { gdpr_accepted: "yes" } }, "consent.gdpr_accepted"],
    ["a phone without number", { gender: "Male", phone: { country_code: "+47" } }, "phone.number"],
    ["an object as a list", { gender: "Male", department_ids: { a: 1 } }, "department_ids"],
  ])("fails on %s", (_case, body, path) => {
    const result = MemberResponseSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it("requires what the contract requires on coupons", () => {
    const coupon = {
      code: "SUMMER 10/OFF",
      title: "Summer",
      valid_from: "2026-01-01T00:00:00+01:00",
      type: "Campaign",
    };
    expect(MemberCouponResponseSchema.safeParse(coupon).success).toBe(false);
    expect(MemberCouponResponseSchema.parse({ ...coupon, valid_to: "2026-12-31T00:00:00+01:00" }).code).toBe(
      "SUMMER 10/OFF",
    );
  });

  it("reads a null list as an empty list, but not a non-list", () => {
    expect(MemberListSchema.parse(null)).toEqual([]);
    expect(MemberListSchema.safeParse({ data: [] }).success).toBe(false);
    expect(NonEligibleProductPageSchema.parse({ data: null, total_records: 0 })).toMatchObject({ data: undefined });
  });

  it("tolerates a single message per field in problem details and keeps traceId", () => {
    expect(ProblemDetailsSchema.parse({ errors: { email: "bad", phone: ["x", "y"] }, traceId: "t-1" })).toMatchObject({
      errors: { email: ["bad"], phone: ["x", "y"] },
      traceId: "t-1",
    });
  });

  it("needs a token and a positive lifetime in a token response", () => {
    expect(TokenResponseSchema.safeParse({ access_token: "abc", expires_in: 3600 }).success).toBe(true);
    expect(TokenResponseSchema.safeParse({ access_token: "", expires_in: 3600 }).success).toBe(false);
    expect(TokenResponseSchema.safeParse({ access_token: "abc" }).success).toBe(false);
    expect(TokenResponseSchema.safeParse({ access_token: "abc", expires_in: 0 }).success).toBe(false);
  });
});
