import { describe, expect, it } from "vitest";

import { da } from "./da";
import { en } from "./en";
import { LOCALES } from "./locales";
import { nb } from "./nb";
import { sv } from "./sv";
import {
  createTranslator,
  interpolate,
  isMessageKey,
  message,
  placeholdersOf,
  pluralChoicesOf,
  type Dictionary,
} from "./translate";

const translations: Record<Exclude<(typeof LOCALES)[number], "en">, Dictionary> = { nb, sv, da };
const keys = Object.keys(en) as (keyof typeof en)[];
const uniqueSorted = (names: string[]) => [...new Set(names)].sort();

/** Texts that are the same in every language (names, symbols, international words). */
const SAME_AS_ENGLISH = new Set<string>([
  "app.title",
  "common.none",
  "dashboard.searchPlaceholder",
  "program.validRange",
  "discount.Percentage",
  "couponType.Standard",
  "settings.integration",
  "program.segmentType",
  "program.couponType",
  "program.couponStatus",
  "dashboard.column.state",
  "members.linkState",
  "members.consentSms",
  "segmentType.Text",
]);

describe.each(Object.entries(translations))("the %s dictionary", (_locale, dictionary) => {
  it("has exactly the English keys", () => {
    expect(Object.keys(dictionary).sort()).toEqual([...keys].sort());
  });

  it.each(keys)("%s: same placeholders as English, well-formed plural choices, not empty", (key) => {
    const text = dictionary[key];
    expect(text.trim()).not.toBe("");
    expect(uniqueSorted(placeholdersOf(text))).toEqual(uniqueSorted(placeholdersOf(en[key])));
    for (const forms of pluralChoicesOf(text)) {
      expect(forms).toHaveLength(2);
      for (const form of forms) expect(form.trim()).not.toBe("");
    }
    expect(text).not.toMatch(/\{(?![A-Za-z0-9_]+(?::[^{}|]+\|[^{}|]+)?\})/);
  });

  it("translates every text that is not the same in every language", () => {
    const untranslated = keys.filter((key) => !SAME_AS_ENGLISH.has(key) && dictionary[key] === en[key]);
    expect(untranslated).toEqual([]);
  });
});

describe("the English dictionary", () => {
  it.each(keys)("%s: not empty, plural choices with a singular and a plural", (key) => {
    expect(en[key].trim()).not.toBe("");
    for (const forms of pluralChoicesOf(en[key])) expect(forms).toHaveLength(2);
  });
});

describe("interpolate", () => {
  it.each<{ text: string; params: Record<string, string | number>; expected: string }>([
    { text: "Hello {name}", params: { name: "Kari" }, expected: "Hello Kari" },
    { text: "{count} of {total}", params: { count: 1200, total: 5000 }, expected: "1,200 of 5,000" },
    { text: "Missing {value}", params: {}, expected: "Missing {value}" },
    { text: "No placeholders", params: { unused: 1 }, expected: "No placeholders" },
    { text: "{n} {n:order|orders}", params: { n: 1 }, expected: "1 order" },
    { text: "{n} {n:order|orders}", params: { n: 0 }, expected: "0 orders" },
    { text: "{n} {n:order|orders}", params: { n: 1200 }, expected: "1,200 orders" },
    { text: "{n} {n:order|orders}", params: { n: "?" }, expected: "? orders" },
    { text: "{n:order|orders}", params: {}, expected: "{n:order|orders}" },
  ])("$text with $params", ({ text, params, expected }) => {
    expect(interpolate("en", text, params)).toBe(expected);
  });

  it.each<{ locale: "nb" | "sv" | "da"; text: string; n: number; expected: string }>([
    { locale: "nb", text: "{n} poeng", n: 1200.5, expected: "1\u00a0200,5 poeng" },
    { locale: "sv", text: "{n} poäng", n: 1200.5, expected: "1\u00a0200,5 poäng" },
    { locale: "da", text: "{n} point", n: 1200.5, expected: "1.200,5 point" },
    { locale: "sv", text: "{n} {n:dag|dagar}", n: 1, expected: "1 dag" },
    { locale: "sv", text: "{n} {n:dag|dagar}", n: 1.5, expected: "1,5 dagar" },
    { locale: "da", text: "{n} {n:dag|dage}", n: 1.5, expected: "1,5 dag" },
    { locale: "da", text: "{n} {n:dag|dage}", n: 0, expected: "0 dage" },
  ])("$locale: $text with $n", ({ locale, text, n, expected }) => {
    expect(interpolate(locale, text, { n })).toBe(expected);
  });
});

describe("createTranslator", () => {
  it("translates keys with parameters, and renders server-made messages", () => {
    const problem = message("connection.problem.timeout", { seconds: 10 });
    const expected = {
      en: ["Last 30 days", "Diller did not answer within 10 seconds. Try again in a few minutes."],
      nb: ["Siste 30 dager", "Diller svarte ikke innen 10 sekunder. Prøv igjen om noen minutter."],
      sv: ["Senaste 30 dagarna", "Diller svarade inte inom 10 sekunder. Försök igen om några minuter."],
      da: ["Seneste 30 dage", "Diller svarede ikke inden for 10 sekunder. Prøv igen om nogle minutter."],
    } as const;
    for (const locale of LOCALES) {
      const translator = createTranslator(locale);
      expect([translator.t("dashboard.lastDays", { days: 30 }), translator.render(problem)]).toEqual(expected[locale]);
    }
  });

  it("chooses the singular for one", () => {
    const counts = (locale: (typeof LOCALES)[number]) =>
      [1, 2].map((enqueued) => createTranslator(locale).t("backfill.enqueued", { enqueued }));
    expect(counts("en")).toEqual(["1 order queued for sending", "2 orders queued for sending"]);
    expect(counts("nb")).toEqual(["1 ordre satt i kø for sending", "2 ordrer satt i kø for sending"]);
    expect(counts("sv")).toEqual(["1 beställning i kö för att skickas", "2 beställningar i kö för att skickas"]);
    expect(counts("da")).toEqual(["1 ordre sat i kø til afsendelse", "2 ordrer sat i kø til afsendelse"]);
    expect(createTranslator("en").t("members.stamps", { collected: 1, required: "?" })).toBe("1 of ? stamps");
  });

  it("recognises catalogue keys and rejects unknown keys, prototype names and non-strings", () => {
    expect(isMessageKey("settings.title")).toBe(true);
    expect(isMessageKey("settings.nope")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
    expect(isMessageKey(42)).toBe(false);
  });
});
