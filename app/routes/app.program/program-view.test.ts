import { describe, expect, it } from "vitest";

import type { StoreCoupon, StoreStampCard } from "~/diller/schemas.server";

import { couponRows, levelRows, segmentRows, stampCardRows, validityStatus } from "./program-view";

const NOW = new Date("2026-11-28T12:00:00Z");

describe("validityStatus", () => {
  it.each([
    { listedAsActive: true, validFrom: "2027-01-01", validTo: "2020-01-01", expected: "active" },
    { listedAsActive: false, validFrom: "2026-01-01", validTo: "2026-11-27T00:00:00Z", expected: "expired" },
    { listedAsActive: false, validFrom: "2026-12-01", validTo: "2027-01-01", expected: "scheduled" },
    { listedAsActive: false, validFrom: "2026-01-01", validTo: "2027-01-01", expected: "inactive" },
    { listedAsActive: false, validFrom: "garbage", validTo: undefined, expected: "inactive" },
  ])("listed $listedAsActive, $validFrom – $validTo → $expected", ({ expected, ...coupon }) => {
    expect(validityStatus(coupon, NOW)).toBe(expected);
  });
});

function coupon(fields: Partial<StoreCoupon> & { code: string }): StoreCoupon {
  return {
    title: fields.code,
    valid_from: "2026-01-01T00:00:00Z",
    valid_to: "2027-01-01T00:00:00Z",
    type: "Standard",
    ...fields,
  };
}

describe("couponRows", () => {
  it("merges the active and the full list, marks each, puts active ones first", () => {
    const active = [coupon({ id: 1, code: "B-ACTIVE", title: "B" })];
    const all = [
      coupon({ id: 2, code: "OLD", title: "A old", valid_to: "2026-02-01T00:00:00Z" }),
      coupon({ id: 1, code: "B-ACTIVE", title: "B" }),
      coupon({ id: 3, code: "PAUSED", title: "C", type: "Lottery", discount_type: "Voucher" }),
    ];
    expect(couponRows(all, active, NOW).map((row) => [row.code, row.status, row.type, row.discountType])).toEqual([
      ["B-ACTIVE", "active", "Standard", "NotDefined"],
      ["PAUSED", "inactive", "other", "other"],
      ["OLD", "expired", "Standard", "NotDefined"],
    ]);
  });

  it("matches coupons without ids by code, ignoring case", () => {
    const rows = couponRows([coupon({ code: "summer" })], [coupon({ code: "SUMMER" })], NOW);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("active");
  });
});

describe("segmentRows and levelRows", () => {
  it("keeps unknown segment types visible as 'other' with Diller's name", () => {
    expect(
      segmentRows([
        { id: 1, text: "Size", type: "Dropdown", is_required: true, options: [{ id: 1, text: "S" }, { id: 2 }] },
        { id: 2, type: "Slider" },
      ]),
    ).toEqual([
      {
        id: 1,
        question: "Size",
        type: "Dropdown",
        rawType: "Dropdown",
        required: true,
        visibleToMembers: true,
        options: ["S", "#2"],
      },
      { id: 2, question: "#2", type: "other", rawType: "Slider", required: false, visibleToMembers: true, options: [] },
    ]);
  });

  it("lists membership levels by points, a level without points as 0", () => {
    expect(
      levelRows([
        { id: 3, name: "Gold", points: 5000 },
        { id: 1, name: "Bronze" },
      ]),
    ).toEqual([
      { id: 1, name: "Bronze", points: 0 },
      { id: 3, name: "Gold", points: 5000 },
    ]);
  });
});

describe("stampCardRows", () => {
  it("marks ended, paused and running cards", () => {
    const running: StoreStampCard = { id: 1, title: "Coffee", required_stamps: 10, is_restartable: true };
    const ended: StoreStampCard = { id: 2, title: "Winter", valid_to: "2026-03-01T00:00:00Z" };
    const paused: StoreStampCard = { id: 3, title: "Paused" };
    expect(stampCardRows([ended, running, paused], [running], NOW).map((row) => [row.title, row.status])).toEqual([
      ["Coffee", "active"],
      ["Paused", "inactive"],
      ["Winter", "expired"],
    ]);
  });
});
