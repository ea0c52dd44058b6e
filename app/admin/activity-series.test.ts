import { describe, expect, it } from "vitest";

import { dayFigures, dayIn, dayWindows, startOfDay, totalsOf, zoneOffsetMinutes } from "./activity-series";

describe("time zones", () => {
  it.each([
    { instant: "2026-01-15T12:00:00Z", zone: "Europe/Oslo", offset: 60 },
    { instant: "2026-07-15T12:00:00Z", zone: "Europe/Oslo", offset: 120 },
    { instant: "2026-07-15T12:00:00Z", zone: "America/Los_Angeles", offset: -420 },
    { instant: "2026-07-15T12:00:00Z", zone: "Asia/Kolkata", offset: 330 },
    { instant: "2026-07-15T12:00:00Z", zone: "UTC", offset: 0 },
  ])("offset of $zone at $instant is $offset minutes", ({ instant, zone, offset }) => {
    expect(zoneOffsetMinutes(new Date(instant), zone)).toBe(offset);
  });

  it.each([
    { instant: "2026-11-28T23:30:00Z", zone: "Europe/Oslo", day: "2026-11-29" },
    { instant: "2026-11-28T23:30:00Z", zone: "UTC", day: "2026-11-28" },
    { instant: "2026-11-29T05:00:00Z", zone: "America/New_York", day: "2026-11-29" },
    { instant: "2026-11-29T04:59:00Z", zone: "America/New_York", day: "2026-11-28" },
  ])("$instant is $day in $zone", ({ instant, zone, day }) => {
    expect(dayIn(new Date(instant), zone)).toBe(day);
  });

  it.each([
    { day: "2026-11-28", zone: "Europe/Oslo", start: "2026-11-27T23:00:00.000Z" },
    { day: "2026-07-01", zone: "Europe/Oslo", start: "2026-06-30T22:00:00.000Z" },
    // Daylight saving time starts at 02:00 on 29 March in Oslo: the day still starts at local midnight.
    { day: "2026-03-29", zone: "Europe/Oslo", start: "2026-03-28T23:00:00.000Z" },
    { day: "2026-03-30", zone: "Europe/Oslo", start: "2026-03-29T22:00:00.000Z" },
    { day: "2026-11-28", zone: "UTC", start: "2026-11-28T00:00:00.000Z" },
  ])("$day starts at $start in $zone", ({ day, zone, start }) => {
    expect(startOfDay(day, zone).toISOString()).toBe(start);
  });
});

describe("dayWindows", () => {
  it("covers the last N days of the zone without gaps, oldest first, including today", () => {
    const windows = dayWindows(new Date("2026-03-30T10:00:00Z"), 3, "Europe/Oslo");
    expect(windows.map((window) => window.day)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    for (const [index, window] of windows.entries()) {
      const next = windows[index + 1];
      if (next) expect(window.end).toEqual(next.start);
    }
    // The day DST starts has 23 hours.
    const dstDay = windows[1];
    expect(dstDay && (dstDay.end.getTime() - dstDay.start.getTime()) / 3_600_000).toBe(23);
  });
});

describe("dayFigures", () => {
  it("adds up what each kind counts towards; points only from transactions sent", () => {
    expect(
      dayFigures("2026-11-28", [
        { kind: "TRANSACTION_SENT", count: 3, points: 120.25 },
        { kind: "REMAINDER_SENT", count: 1, points: 10.004 },
        { kind: "TRANSACTION_CANCELLED", count: 2, points: null },
        { kind: "SYNC_FAILED", count: 4, points: 99 },
        { kind: "ORDER_SKIPPED", count: 7, points: null },
      ]),
    ).toEqual({ day: "2026-11-28", sent: 4, cancelled: 2, failed: 4, points: 130.25 });
  });

  it("adds up sent, cancelled and failed counts and points over the days", () => {
    expect(
      totalsOf([
        { day: "a", sent: 1, cancelled: 0, failed: 2, points: 0.1 },
        { day: "b", sent: 2, cancelled: 1, failed: 0, points: 0.2 },
      ]),
    ).toEqual({ sent: 3, cancelled: 1, failed: 2, points: 0.3 });
  });
});
