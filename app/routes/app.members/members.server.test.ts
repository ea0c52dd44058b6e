import { describe, expect, it } from "vitest";

import { classifyMemberQuery } from "./members.server";

describe("classifyMemberQuery", () => {
  it.each([
    ["kari@example.com", { kind: "email", email: "kari@example.com" }],
    ["  Kari@Example.com ", { kind: "email", email: "Kari@Example.com" }],
    ["+47 400 00 001", { kind: "phone", phone: "+4740000001" }],
    ["0047 400-00-001", { kind: "phone", phone: "+4740000001" }],
    ["+1 (415) 555-0100", { kind: "phone", phone: "+14155550100" }],
    ["40000001", null],
    ["kari@", null],
    ["@example.com", null],
    ["+47 12", null],
    ["hello", null],
  ])("%j", (query, expected) => {
    expect(classifyMemberQuery(query)).toEqual(expected);
  });
});
