import { describe, expect, it } from "vitest";

import { RelativeDateError, resolveRelativeDates } from "./relative-dates";

const now = new Date("2030-06-15T22:30:00.000Z");

describe("resolveRelativeDates", () => {
  it.each([
    ["$now", "2030-06-15T22:30:00.000Z"],
    ["$now+1d", "2030-06-16T22:30:00.000Z"],
    ["$now-20d", "2030-05-26T22:30:00.000Z"],
    ["$now+365d", "2031-06-15T22:30:00.000Z"],
    // 22:30 UTC is already the next day in Oslo (UTC+2 in summer) but not in New York.
    ["$date(now, Europe/Oslo)", "2030-06-16"],
    ["$date(now, America/New_York)", "2030-06-15"],
    ["$date(now+365d, Europe/Oslo)", "2031-06-16"],
    ["$date(now-1d, Europe/Oslo)", "2030-06-15"],
    ["plain text", "plain text"],
    ["2015-06-20", "2015-06-20"],
  ])("%s → %s", (placeholder, expected) => {
    expect(resolveRelativeDates(placeholder, now)).toBe(expected);
  });

  it.each(["$now+1", "$now+1h", "$tomorrow", "$date(now+1d)", "$date(now+1d, )"])("rejects %s", (placeholder) => {
    expect(() => resolveRelativeDates(placeholder, now)).toThrow(RelativeDateError);
  });

  it("resolves inside nested objects and arrays and leaves the template unchanged", () => {
    const template = { validFrom: "$now-1d", items: [{ at: "$now" }, 3, true, null], name: "Kari" };
    const copy = structuredClone(template);

    expect(resolveRelativeDates(template, now)).toEqual({
      validFrom: "2030-06-14T22:30:00.000Z",
      items: [{ at: "2030-06-15T22:30:00.000Z" }, 3, true, null],
      name: "Kari",
    });
    expect(template).toEqual(copy);
  });
});
