import { describe, expect, it } from "vitest";

import { createFormatters, safeTimeZone } from "./format";

describe("formatters", () => {
  it("formats instants in the shop's time zone, whatever the machine's", () => {
    const oslo = createFormatters("nb", "Europe/Oslo");
    const newYork = createFormatters("en", "America/New_York");
    const instant = "2026-11-28T23:30:00Z";
    expect(oslo.date(instant)).toBe("29. nov. 2026");
    expect(newYork.date(instant)).toBe("Nov 28, 2026");
    expect(oslo.dateTime(instant)).toContain("00:30");
  });

  it("formats calendar days as given, without shifting them", () => {
    expect(createFormatters("en", "Pacific/Honolulu").day("2026-11-01")).toBe("Nov 1");
    expect(createFormatters("nb", "Pacific/Kiritimati").day("2026-11-01")).toBe("1. nov.");
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
