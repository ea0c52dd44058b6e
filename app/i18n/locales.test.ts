import { describe, expect, it } from "vitest";

import { localeFromAcceptLanguage, localeOf, localeOfRouteData, resolveLocale } from "./locales";

describe("localeOf", () => {
  it.each([
    ["en", "en"],
    ["en-US", "en"],
    ["EN_gb", "en"],
    ["nb", "nb"],
    ["nb-NO", "nb"],
    ["no", "nb"],
    ["nn-NO", "nb"],
    ["sv", "sv"],
    ["sv-SE", "sv"],
    ["sv_FI", "sv"],
    ["da", "da"],
    ["da-DK", "da"],
    [" DA-dk ", "da"],
    ["de-DE", undefined],
    ["fi", undefined],
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
    ["sv-SE,sv;q=0.9,nb;q=0.5,en;q=0.7", "sv"],
    ["da-DK,da;q=0.9,en-US;q=0.8,en;q=0.7", "da"],
    ["de-DE,de;q=0.9,da;q=0.4,sv;q=0.6", "sv"],
    ["fi-FI, sv;q=0.8, en;q=0.8", "sv"],
    ["en;q=0.5, da;q=0.5", "en"],
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
    expect(resolveLocale(localeOf("sv-SE"), "nb")).toBe("sv");
    expect(resolveLocale(localeOf("fr"), localeOf(undefined), "da")).toBe("da");
    expect(resolveLocale("en", "nb")).toBe("en");
    expect(resolveLocale(undefined, undefined)).toBe("en");
  });
});

describe("localeOfRouteData", () => {
  it.each<[unknown[], string]>([
    [[null, { apiKey: "k", locale: "sv", timeZone: "UTC" }, { rows: [] }], "sv"],
    [[{ locale: "da" }, { locale: "nb" }], "da"],
    [[{ locale: "fr" }, { locale: "nb" }], "nb"],
    [[undefined, "sv", { locale: 7 }], "en"],
    [[], "en"],
  ])("%j → %s", (routeData, expected) => {
    expect(localeOfRouteData(routeData)).toBe(expected);
  });
});
