import { describe, expect, it } from "vitest";

import type { Backfill } from "~/db.server";

import { backfillStart, backfillView, blockerMessage } from "./backfill.server";

const NOW = new Date("2026-11-28T12:00:00Z");

describe("backfillStart", () => {
  it.each([
    { day: "2026-11-01", zone: "Europe/Oslo", expected: "2026-10-31T23:00:00.000Z" },
    { day: "2026-11-28", zone: "UTC", expected: "2026-11-28T00:00:00.000Z" },
    { day: "2026-11-29", zone: "UTC", expected: null },
    // Already the 29th in Kiritimati (UTC+14).
    { day: "2026-11-29", zone: "Pacific/Kiritimati", expected: "2026-11-28T10:00:00.000Z" },
    { day: "2026-02-30", zone: "UTC", expected: null },
    { day: "2023-11-01", zone: "UTC", expected: null },
  ])("$day in $zone → $expected", ({ day, zone, expected }) => {
    expect(backfillStart(day, zone, NOW)?.toISOString() ?? null).toBe(expected);
  });
});

function run(fields: Partial<Backfill>): Backfill {
  return {
    id: "b1",
    shop: "s",
    since: NOW,
    state: "RUNNING",
    total: null,
    examined: 0,
    enqueued: 0,
    cursor: null,
    error: null,
    startedAt: NOW,
    finishedAt: null,
    ...fields,
  };
}

describe("backfillView", () => {
  it.each([
    { fields: { total: 200, examined: 50 }, percent: 25, resumable: false },
    { fields: { total: 10, examined: 15 }, percent: 100, resumable: false },
    { fields: { total: null, examined: 5 }, percent: null, resumable: false },
    { fields: { total: 0 }, percent: 100, resumable: false },
    { fields: { state: "COMPLETED" as const, total: 3, examined: 2 }, percent: 100, resumable: false },
    { fields: { state: "FAILED" as const, total: 4, examined: 1 }, percent: 25, resumable: true },
    { fields: { state: "CANCELLED" as const }, percent: null, resumable: true },
  ])("$fields → $percent %", ({ fields, percent, resumable }) => {
    expect(backfillView(run(fields))).toMatchObject({ percent, resumable });
  });
});

describe("backfillView's reason for stopping", () => {
  it.each([
    { fields: { state: "RUNNING" as const }, error: null },
    {
      fields: { state: "CANCELLED" as const, error: "the integration is switched off" },
      error: { key: "blocker.disabled" },
    },
    {
      fields: { state: "CANCELLED" as const, error: "a new reason" },
      error: { key: "blocker.other", params: { reason: "a new reason" } },
    },
    {
      fields: { state: "FAILED" as const, error: "Shopify was down" },
      error: { key: "backfill.stoppedBecause", params: { reason: "Shopify was down" } },
    },
  ])("$fields.state ($fields.error)", ({ fields, error }) => {
    expect(backfillView(run(fields)).error).toEqual(error);
  });
});

describe("blockerMessage", () => {
  it("names what to do for each known reason, and keeps unknown ones visible", () => {
    expect(blockerMessage("the integration is switched off")).toEqual({ key: "blocker.disabled" });
    expect(blockerMessage("Diller is not connected")).toEqual({ key: "blocker.notConnected" });
    expect(blockerMessage("a new reason")).toEqual({ key: "blocker.other", params: { reason: "a new reason" } });
  });
});
