import { describe, expect, it } from "vitest";

import { hasValidGs1CheckDigit, parseGtin } from "./gtin";

describe("parseGtin", () => {
  it.each([
    ["4006381333931", { type: "EanGtin13", code: "4006381333931" }],
    ["5901234123457", { type: "EanGtin13", code: "5901234123457" }],
    ["0012345678905", { type: "EanGtin13", code: "0012345678905" }],
    ["036000291452", { type: "UpcGtin12", code: "036000291452" }],
    ["012345678905", { type: "UpcGtin12", code: "012345678905" }],
    ["9780306406157", { type: "Isbn", code: "9780306406157" }],
    ["9791090636071", { type: "Isbn", code: "9791090636071" }],
    ["978-0-306-40615-7", { type: "Isbn", code: "9780306406157" }],
    [" 4006381333931 ", { type: "EanGtin13", code: "4006381333931" }],
    ["036000 291452", { type: "UpcGtin12", code: "036000291452" }],
  ])("accepts %j as %j", (barcode, expected) => {
    expect(parseGtin(barcode)).toEqual(expected);
  });

  it.each([
    ["bad EAN-13 check digit", "4006381333932"],
    ["bad UPC-A check digit", "036000291453"],
    ["bad ISBN-13 check digit", "9780306406158"],
    ["ISBN-10 (valid, deliberately not converted)", "0306406152"],
    ["ISBN-10 with X check digit", "080442957X"],
    ["EAN-8", "96385074"],
    ["GTIN-14", "10012345678902"],
    ["11 digits", "01234567890"],
    ["letters", "ABC123456789"],
    ["ISBN with letter", "978030640615X"],
    ["all zeros", "0000000000000"],
    ["empty", ""],
    ["only spaces", "   "],
    ["null", null],
    ["undefined", undefined],
    ["decimal point", "4006381.333931"],
  ])("rejects %s", (_label, barcode) => {
    expect(parseGtin(barcode)).toBeNull();
  });
});

describe("hasValidGs1CheckDigit", () => {
  it.each([
    ["4006381333931", true],
    ["96385074", true],
    ["10012345678902", true],
    ["4006381333930", false],
    ["1", false],
    ["", false],
    ["12a4", false],
  ])("%j → %s", (code, valid) => {
    expect(hasValidGs1CheckDigit(code)).toBe(valid);
  });
});
