import { describe, expect, it } from "vitest";

import type { MemberCoupon, MembershipLevel } from "~/diller/schemas.server";

import { couponViewOf, levelProgressOf } from "./member-detail";

const LEVELS: MembershipLevel[] = [
  { id: 3, name: "Gold", points: 5000 },
  { id: 1, name: "Bronze", points: 0 },
  { id: 2, name: "Silver", points: 1000 },
];

describe("level progress", () => {
  it.each([
    [
      "between Silver and Gold (Diller names both)",
      {
        points: 1200,
        level_title: "Silver",
        next_level_title: "Gold",
        next_level_points: 5000,
        remaining_points: 3800,
      },
      LEVELS,
      { levelTitle: "Silver", nextLevelTitle: "Gold", pointsToNextLevel: 3800, levelProgress: 0.05 },
    ],
    [
      "Diller names no level: computed from the thresholds",
      { points: 500 },
      LEVELS,
      { levelTitle: "Bronze", nextLevelTitle: "Silver", pointsToNextLevel: 500, levelProgress: 0.5 },
    ],
    [
      "the top level: a full bar, nothing left to earn",
      { points: 5600, level_title: "Gold" },
      LEVELS,
      { levelTitle: "Gold", nextLevelTitle: null, pointsToNextLevel: null, levelProgress: 1 },
    ],
    [
      "a store without levels",
      { points: 10 },
      [],
      { levelTitle: null, nextLevelTitle: null, pointsToNextLevel: null, levelProgress: null },
    ],
    [
      "no membership detail at all",
      undefined,
      LEVELS,
      { levelTitle: "Bronze", nextLevelTitle: "Silver", pointsToNextLevel: 1000, levelProgress: 0 },
    ],
  ])("%s", (_case, detail, levels, expected) => {
    expect(levelProgressOf(detail, levels)).toEqual(expected);
  });
});

const coupon = (fields: Partial<MemberCoupon>): MemberCoupon => ({
  id: 7,
  code: "CODE",
  title: "Coupon",
  valid_from: "2026-01-01T00:00:00Z",
  valid_to: "2026-12-31T00:00:00Z",
  type: "Campaign",
  ...fields,
});

describe("coupon views", () => {
  it.each([
    ["percentage", coupon({ discount_type: "Percentage", discount_value: 10 }), { kind: "percentage", value: "10" }],
    [
      "fixed amount in the store currency",
      coupon({ discount_type: "Fixed", discount_value: 100 }),
      { kind: "fixed_amount", value: "100.00", currency: "NOK" },
    ],
    ["free shipping", coupon({ discount_type: "FreeShipping" }), { kind: "free_shipping", value: null }],
    ["no discount kind: cannot be used at checkout", coupon({ discount_type: "NotDefined" }), null],
  ])("%s", (_case, input, expected) => {
    const view = couponViewOf(input, "NOK");
    if (expected === null) expect(view).toBeNull();
    else expect(view).toMatchObject({ id: "7", title: "Coupon", appliedCode: null, ...expected });
  });
});
