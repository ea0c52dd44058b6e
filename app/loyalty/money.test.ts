import { describe, expect, it } from "vitest";

import {
  addDecimals,
  compareDecimals,
  currencyExponent,
  divideRoundHalfUp,
  formatDecimal,
  Money,
  MoneyError,
  parseDecimal,
  shiftDecimal,
} from "./money";

describe("currencyExponent", () => {
  it.each([
    ["EUR", 2],
    ["USD", 2],
    ["HKD", 2],
    ["INR", 2],
    ["PLN", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["VND", 0],
    ["ISK", 0],
    ["CLP", 0],
    ["UGX", 0],
    ["XAF", 0],
    ["XOF", 0],
    ["BHD", 3],
    ["KWD", 3],
    ["JOD", 3],
    ["OMR", 3],
    ["TND", 3],
    ["IQD", 3],
    ["LYD", 3],
    ["CLF", 4],
    ["ZZZ", 2],
  ])("%s has %i decimals", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });
});

describe("parseDecimal / formatDecimal", () => {
  it.each([
    ["186.90", "186.9"],
    ["20", "20"],
    ["0.0", "0"],
    ["-30.00", "-30"],
    ["+5", "5"],
    [".5", "0.5"],
    ["1e-7", "0.0000001"],
    ["1.5E3", "1500"],
    [89.99, "89.99"],
    [0.1, "0.1"],
    [20, "20"],
    [1e21, "1000000000000000000000"],
  ])("%s reads as %s", (input, text) => {
    expect(formatDecimal(parseDecimal(input))).toBe(text);
  });

  it.each(["", "abc", "1.2.3", "1,00", "--1", ".", "1e999", "12 34"])("rejects %j", (input) => {
    expect(() => parseDecimal(input)).toThrow(MoneyError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("rejects the number %s", (input) => {
    expect(() => parseDecimal(input)).toThrow(MoneyError);
  });

  it("shifts, adds and compares exactly", () => {
    expect(formatDecimal(shiftDecimal(parseDecimal("0.08875"), 2))).toBe("8.875");
    expect(formatDecimal(shiftDecimal(parseDecimal("0.18"), 2))).toBe("18");
    expect(formatDecimal(shiftDecimal(parseDecimal("12"), -3))).toBe("0.012");
    expect(formatDecimal(addDecimals(parseDecimal("0.1"), parseDecimal("0.2")))).toBe("0.3");
    expect(compareDecimals(parseDecimal("0.30"), parseDecimal("0.3"))).toBe(0);
    expect(compareDecimals(parseDecimal("-1"), parseDecimal("0.001"))).toBe(-1);
  });
});

describe("divideRoundHalfUp", () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [4n, 3n, 1n],
    [7n, 4n, 2n],
    [-7n, 4n, -2n],
    [0n, 9n, 0n],
    [353977n * 74995n, 299980n, 88494n],
  ])("%i / %i → %i", (numerator, denominator, expected) => {
    expect(divideRoundHalfUp(numerator, denominator)).toBe(expected);
  });

  it("refuses to divide by zero", () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe("Money.parse", () => {
  it.each([
    ["186.90", "HKD", 18690n, "186.90"],
    ["0.00", "EUR", 0n, "0.00"],
    ["20", "VND", 20n, "20"],
    ["0.0", "VND", 0n, "0"],
    ["20", "EUR", 2000n, "20.00"],
    ["1.255", "BHD", 1255n, "1.255"],
    ["-30.00", "USD", -3000n, "-30.00"],
    [89.99, "USD", 8999n, "89.99"],
    [1189.93, "USD", 118993n, "1189.93"],
    ["4283.110", "INR", 428311n, "4283.11"],
  ])("%j %s → %i minor units (%s)", (amount, currency, minor, text) => {
    const money = Money.parse(amount, currency);
    expect(money.minor).toBe(minor);
    expect(money.toString()).toBe(text);
  });

  it.each([
    ["0.20", "VND", "excess_precision"],
    ["1.2345", "BHD", "excess_precision"],
    ["12.345", "EUR", "excess_precision"],
    ["twelve", "EUR", "invalid_amount"],
    ["1.00", "eur", "invalid_currency"],
  ])("rejects %j in %s (%s) instead of rounding", (amount, currency, code) => {
    expect(() => Money.parse(amount, currency)).toThrow(expect.objectContaining({ code }));
  });
});

describe("Money arithmetic", () => {
  const usd = (amount: string) => Money.parse(amount, "USD");

  it("adds and subtracts without float drift", () => {
    // GIVEN amounts whose float sum is 0.30000000000000004
    // WHEN they are added as minor units
    // THEN the result is exact
    expect(usd("0.10").plus(usd("0.20")).toString()).toBe("0.30");
    expect(usd("4283.11").minus(usd("2654.82")).toString()).toBe("1628.29");
    expect(usd("1.00").negated().toString()).toBe("-1.00");
    expect(Money.sum([usd("79.90"), usd("85.00"), usd("22.00")], "USD").toString()).toBe("186.90");
  });

  it("multiplies by quantities exactly and by ratios with half-up rounding", () => {
    expect(usd("884.94").times(4).toString()).toBe("3539.76");
    expect(usd("749.95").scaled(353977n, 299980n).toString()).toBe("884.94");
    expect(usd("0.05").scaled(1n, 2n).toString()).toBe("0.03");
    expect(usd("-0.05").scaled(1n, 2n).toString()).toBe("-0.03");
    expect(usd("50.00").multipliedBy(parseDecimal("1.25")).toString()).toBe("62.50");
    expect(() => usd("1.00").times(1.5)).toThrow(RangeError);
  });

  it("refuses to mix currencies", () => {
    expect(() => usd("1.00").plus(Money.parse("1.00", "EUR"))).toThrow(
      expect.objectContaining({ code: "currency_mismatch" }),
    );
  });

  it("compares amounts: order, equality across notations, min/max, sign", () => {
    expect(usd("1.00").compare(usd("2.00"))).toBe(-1);
    expect(usd("2.00").compare(usd("1.00"))).toBe(1);
    expect(usd("2.00").equals(usd("2"))).toBe(true);
    expect(usd("1.00").min(usd("2.00")).toString()).toBe("1.00");
    expect(usd("1.00").max(usd("2.00")).toString()).toBe("2.00");
    expect(usd("0.00").isZero()).toBe(true);
    expect(usd("-0.01").isNegative()).toBe(true);
    expect(usd("0.01").isPositive()).toBe(true);
  });

  it("converts to wire numbers that print back as the same decimal", () => {
    for (const text of ["186.90", "0.07", "1628.29", "2629.95", "0.00", "-329.95"]) {
      const money = usd(text);
      expect(Money.parse(money.toNumber(), "USD").equals(money)).toBe(true);
    }
    expect(Money.parse("20", "VND").toNumber()).toBe(20);
  });
});

describe("Money.allocate (largest remainder)", () => {
  it.each([
    // total, weights, expected parts
    ["100.00", [1n, 1n, 1n], ["33.34", "33.33", "33.33"]],
    ["0.05", [1n, 1n], ["0.03", "0.02"]],
    ["20.00", [9400n, 10000n, 10000n, 10000n], ["4.77", "5.08", "5.08", "5.07"]],
    ["10.00", [0n, 0n], ["5.00", "5.00"]],
    ["10.00", [0n, 5n], ["0.00", "10.00"]],
    ["-0.05", [1n, 1n], ["-0.03", "-0.02"]],
    ["329.95", [8999n, 1999n, 2499n, 15999n, 11999n], ["71.56", "15.89", "19.87", "127.22", "95.41"]],
    ["0.00", [1n, 2n], ["0.00", "0.00"]],
  ])("splits %s by %s into %s", (total, weights, expected) => {
    const parts = Money.parse(total, "USD").allocate(weights);
    expect(parts.map(String)).toEqual(expected);
    expect(Money.sum(parts, "USD").toString()).toBe(Money.parse(total, "USD").toString());
  });

  it("splits zero-decimal currencies in whole units", () => {
    const parts = Money.parse("100", "JPY").allocate([1n, 1n, 1n]);
    expect(parts.map(String)).toEqual(["34", "33", "33"]);
  });

  it("rejects empty and negative weights", () => {
    expect(() => Money.parse("1.00", "USD").allocate([])).toThrow(RangeError);
    expect(() => Money.parse("1.00", "USD").allocate([1n, -1n])).toThrow(RangeError);
  });
});
