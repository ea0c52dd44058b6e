import { describe, expect, it } from "vitest";

import { localeFromAcceptLanguage, localeOf, resolveLocale } from "./locales";

describe("localeOf", () => {
  it.each([
    ["en", "en"],
    ["en-US", "en"],
    ["EN_gb", "en"],
    ["nb", "nb"],
    ["nb-NO", "nb"],
    ["no", "nb"],
    ["nn-NO", "nb"],
    ["sv", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%j → %j", (tag, expected) => {
    expect(localeOf(tag)).toBe(expected);
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["nb-NO,nb;q=0.9,en;q=0.8", "nb"],
    ["sv-SE,sv;q=0.9,nb;q=0.5,en;q=0.7", "en"],
    ["de,en;q=0", undefined],
    ["fr;q=0.2, nn;q=0.3", "nb"],
    ["*", undefined],
    ["", undefined],
    [null, undefined],
  ])("%j → %j", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("resolveLocale", () => {
  it("takes the first known candidate, else English", () => {
    expect(resolveLocale(undefined, "nb", "en")).toBe("nb");
    expect(resolveLocale("en", "nb")).toBe("en");
    expect(resolveLocale(undefined, undefined)).toBe("en");
  });
});
