import type { FieldErrorCode, JoinRequest, SegmentAnswer } from "@diller/storefront-contract";
import { describe, expect, test } from "vitest";

import { isValidDate, validateJoin } from "../src/form/validation";
import { segments } from "./fixtures";

const today = new Date("2026-12-02T00:00:00Z");

function request(patch: {
  profile?: Partial<JoinRequest["profile"]>;
  segments?: SegmentAnswer[];
  membership?: boolean;
}) {
  return {
    profile: {
      firstName: "Kari",
      lastName: "Nordmann",
      email: "kari@example.com",
      phone: null,
      birthDate: null,
      gender: null,
      address: null,
      ...patch.profile,
    },
    segments: patch.segments ?? [
      { id: "1", value: "Oslo" },
      { id: "3", optionIds: ["a"] },
    ],
    consents: {
      membership: patch.membership ?? true,
      marketingEmail: false,
      marketingSms: false,
      keepOrderHistory: true,
    },
    textVersion: 1,
  } satisfies JoinRequest;
}

describe("validateJoin mirrors the server", () => {
  test.each<[string, Parameters<typeof request>[0], Record<string, FieldErrorCode>]>([
    ["a complete request", {}, {}],
    ["no first name", { profile: { firstName: "" } }, { firstName: "required" }],
    ["a 101-character last name", { profile: { lastName: "x".repeat(101) } }, { lastName: "too_long" }],
    ["an e-mail without a domain", { profile: { email: "kari@" } }, { email: "invalid_email" }],
    [
      "a phone without the plus",
      { profile: { phone: { countryCode: "47", number: "98765432" } } },
      { phone: "invalid_phone" },
    ],
    [
      "a phone with letters",
      { profile: { phone: { countryCode: "+47", number: "98x65432" } } },
      { phone: "invalid_phone" },
    ],
    ["30 February", { profile: { birthDate: "1990-02-30" } }, { birthDate: "invalid_date" }],
    ["a birth date in the future", { profile: { birthDate: "2030-01-01" } }, { birthDate: "invalid_date" }],
    ["a missing required text segment", { segments: [{ id: "3", optionIds: ["a"] }] }, { "segments.1": "required" }],
    ["a missing required radio segment", { segments: [{ id: "1", value: "Oslo" }] }, { "segments.3": "required" }],
    [
      "an unknown option",
      {
        segments: [
          { id: "1", value: "Oslo" },
          { id: "3", optionIds: ["zzz"] },
        ],
      },
      { "segments.3": "invalid_option" },
    ],
    [
      "two options on a radio",
      {
        segments: [
          { id: "1", value: "Oslo" },
          { id: "3", optionIds: ["a", "b"] },
        ],
      },
      { "segments.3": "invalid_option" },
    ],
    [
      "several checkbox options",
      {
        segments: [
          { id: "1", value: "Oslo" },
          { id: "3", optionIds: ["a"] },
          { id: "4", optionIds: ["x", "y"] },
        ],
      },
      {},
    ],
    [
      "a bad date segment",
      {
        segments: [
          { id: "1", value: "Oslo" },
          { id: "3", optionIds: ["a"] },
          { id: "2", value: "01.04.2018" },
        ],
      },
      { "segments.2": "invalid_date" },
    ],
    ["no membership consent", { membership: false }, { "consents.membership": "must_accept" }],
  ])("%s", (_name, patch, expected) => {
    expect(validateJoin(request(patch), segments, today)).toEqual(expected);
  });

  test.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["1990-13-01", false],
    ["1990-1-1", false],
  ])("isValidDate(%s) = %s", (value, valid) => {
    expect(isValidDate(value)).toBe(valid);
  });
});
