import { describe, expect, it } from "vitest";

import { createFormatters, pluralForm, safeTimeZone } from "./format";

describe("formatters", () => {
  it("formats instants in the shop's time zone, whatever the machine's", () => {
    const oslo = createFormatters("nb", "Europe/Oslo");
    const newYork = createFormatters("en", "America/New_York");
    const instant = "2026-11-28T23:30:00Z";
    expect(oslo.date(instant)).toBe("29. nov. 2026");
    expect(newYork.date(instant)).toBe("Nov 28, 2026");
    expect(oslo.dateTime(instant)).toContain("00:30");
  });

  it.each([
    ["sv", "Europe/Stockholm", "29 nov. 2026", "29 nov. 2026 00:30"],
    ["da", "Europe/Copenhagen", "29. nov. 2026", "29. nov. 2026 00.30"],
    ["sv", "America/New_York", "28 nov. 2026", "28 nov. 2026 18:30"],
  ] as const)("%s in %s: dates and times the local way", (locale, zone, date, dateTime) => {
    const formatters = createFormatters(locale, zone);
    const instant = "2026-11-28T23:30:00Z";
    expect(formatters.date(instant)).toBe(date);
    // Intl separates the date and the time with ", " or " " depending on the ICU version.
    expect(formatters.dateTime(instant).replace(", ", " ")).toBe(dateTime);
  });

  it.each([
    ["en", 1234567.5, "1,234,567.5"],
    ["nb", 1234567.5, "1\u00a0234\u00a0567,5"],
    ["sv", 1234567.5, "1\u00a0234\u00a0567,5"],
    ["da", 1234567.5, "1.234.567,5"],
  ] as const)("%s writes %d as %s", (locale, value, expected) => {
    expect(createFormatters(locale, "UTC").number(value)).toBe(expected);
  });

  it("writes amounts in the store's currency the local way", () => {
    expect(createFormatters("sv", "UTC").number(150, { style: "currency", currency: "SEK" })).toBe("150,00\u00a0kr");
    expect(createFormatters("da", "UTC").number(150, { style: "currency", currency: "DKK" })).toBe("150,00\u00a0kr.");
  });

  it("formats calendar days as given, without shifting them", () => {
    expect(createFormatters("en", "Pacific/Honolulu").day("2026-11-01")).toBe("Nov 1");
    expect(createFormatters("nb", "Pacific/Kiritimati").day("2026-11-01")).toBe("1. nov.");
    expect(createFormatters("sv", "Pacific/Honolulu").day("2026-11-01")).toBe("1 nov.");
    expect(createFormatters("da", "Pacific/Kiritimati").day("2026-11-01")).toBe("1. nov.");
  });

  it.each([
    ["Europe/Oslo", "Europe/Oslo"],
    ["Mars/Olympus", "UTC"],
    [null, "UTC"],
    ["", "UTC"],
  ])("safeTimeZone(%j) = %s", (zone, expected) => {
    expect(safeTimeZone(zone)).toBe(expected);
  });
});

describe("pluralForm", () => {
  it.each([
    ["en", 1, "day"],
    ["en", 0, "days"],
    ["en", 1.5, "days"],
    ["nb", 1, "day"],
    ["nb", 2, "days"],
    ["sv", 1, "day"],
    ["sv", 1.5, "days"],
    // Danish takes the singular for every number between 0 and 2 that is not whole (CLDR).
    ["da", 1, "day"],
    ["da", 1.5, "day"],
    ["da", 0, "days"],
    ["da", 2, "days"],
    ["en", "?", "days"],
    ["en", Number.NaN, "days"],
  ] as const)("%s %s → %s", (locale, count, expected) => {
    expect(pluralForm(locale, count, "day|days")).toBe(expected);
  });

  it("uses the only form when there is one", () => {
    expect(pluralForm("en", 1, "poäng")).toBe("poäng");
    expect(pluralForm("en", 2, "poäng")).toBe("poäng");
  });
});
