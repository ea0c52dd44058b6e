import { describe, expect, it } from "vitest";

import { en } from "./en";
import { nb } from "./nb";
import { createTranslator, interpolate, isMessageKey, message, placeholdersOf } from "./translate";

describe("dictionaries", () => {
  const keys = Object.keys(en) as (keyof typeof en)[];

  it("Norwegian has exactly the English keys", () => {
    expect(Object.keys(nb).sort()).toEqual([...keys].sort());
  });

  it.each(keys)("%s: same placeholders in both languages, no empty text", (key) => {
    expect(en[key].trim()).not.toBe("");
    expect(nb[key].trim()).not.toBe("");
    expect(placeholdersOf(nb[key]).sort()).toEqual(placeholdersOf(en[key]).sort());
  });
});

describe("interpolate", () => {
  it.each<{ text: string; params: Record<string, string | number>; expected: string }>([
    { text: "Hello {name}", params: { name: "Kari" }, expected: "Hello Kari" },
    { text: "{count} of {total}", params: { count: 1200, total: 5000 }, expected: "1,200 of 5,000" },
    { text: "Missing {value}", params: {}, expected: "Missing {value}" },
    { text: "No placeholders", params: { unused: 1 }, expected: "No placeholders" },
  ])("$text", ({ text, params, expected }) => {
    expect(interpolate("en", text, params)).toBe(expected);
  });

  it("formats numbers for the locale", () => {
    expect(interpolate("nb", "{n} poeng", { n: 1200.5 })).toBe("1\u00a0200,5 poeng");
  });
});

describe("createTranslator", () => {
  it("translates keys with parameters, and renders server-made messages", () => {
    const english = createTranslator("en");
    const norwegian = createTranslator("nb");
    expect(english.t("dashboard.lastDays", { days: 30 })).toBe("Last 30 days");
    expect(norwegian.t("dashboard.lastDays", { days: 30 })).toBe("Siste 30 dager");
    const problem = message("connection.problem.timeout", { seconds: 10 });
    expect(english.render(problem)).toBe("Diller did not answer within 10 seconds. Try again in a few minutes.");
    expect(norwegian.render(problem)).toBe("Diller svarte ikke innen 10 sekunder. Prøv igjen om noen minutter.");
  });

  it("knows its keys", () => {
    expect(isMessageKey("settings.title")).toBe(true);
    expect(isMessageKey("settings.nope")).toBe(false);
    expect(isMessageKey("toString")).toBe(false);
    expect(isMessageKey(42)).toBe(false);
  });
});
