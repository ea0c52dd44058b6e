import { describe, expect, it } from "vitest";

import { currenciesDiffer, currencySkipReason } from "./currency";

describe("currencySkipReason", () => {
  it.each([
    // order currency, Diller store currency, merchant's choice, sent, reason mentions
    ["NOK", "NOK", "SKIP", true, null],
    ["nok", "NOK ", "SKIP", true, null],
    ["NOK", "NOK", "SEND", true, null],
    ["SEK", "NOK", "SKIP", false, /in SEK but the Diller store counts in NOK/],
    ["SEK", "NOK", "SEND", true, null],
    ["SEK", null, "SKIP", false, /currency is unknown/],
    ["SEK", undefined, "SEND", true, null],
    [null, "NOK", "SKIP", false, /no currency/],
    ["", "NOK", "SEND", true, null],
  ] as const)("%s order, %s store, %s → sent %s", (order, store, choice, sent, mention) => {
    const reason = currencySkipReason(order, store, choice);
    expect(reason === null).toBe(sent);
    if (mention) expect(reason).toMatch(mention);
  });
});

describe("currenciesDiffer", () => {
  it.each([
    ["NOK", "NOK", false],
    ["NOK", "nok", false],
    ["SEK", "NOK", true],
    [null, "NOK", false],
    ["SEK", null, false],
  ] as const)("%s vs %s → %s", (shop, store, differ) => {
    expect(currenciesDiffer(shop, store)).toBe(differ);
  });
});
