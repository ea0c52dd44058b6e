import { describe, expect, it } from "vitest";

import { normalizePhone, searchDigits } from "./domain/phone";
import { membershipDetail, pointsForAmount } from "./domain/points";
import { createContractValidator } from "./contract";
import { applyStampMovement, reverseStampMovement } from "./domain/stamps";
import { createSeed } from "./state/seed";

const now = new Date("2026-03-02T10:00:00Z");
const contract = createContractValidator();
const seedStore = () => {
  const store = createSeed("demo", now, contract).stores[0];
  if (!store) throw new Error("demo seed has no store");
  return store;
};

describe("phone numbers", () => {
  it.each([
    [
      { country_code: "+47", number: "400 00 001" },
      { country_code: "+47", number: "40000001" },
    ],
    [
      { country_code: "0047", number: "+4740000001" },
      { country_code: "+47", number: "40000001" },
    ],
    [
      { country_code: "44", number: "07700 900123" },
      { country_code: "+44", number: "7700900123" },
    ],
    [
      { country_code: "+39", number: "06 1234 5678" },
      { country_code: "+39", number: "0612345678" },
    ],
  ])("normalizes %o", (input, output) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone: output });
  });

  it.each([
    [{ country_code: "47a", number: "40000001" }, "country_code"],
    [{ country_code: "+47", number: "40-ABC" }, "number"],
    [{ country_code: "+47", number: "12" }, "number"],
  ])("rejects %o naming %s", (input, field) => {
    expect(normalizePhone(input)).toMatchObject({ ok: false, field });
  });

  it.each([
    ["+4740000001", "4740000001"],
    ["004740000001", "4740000001"],
    ["40000001", "4740000001"],
    ["+46 70 000 0001", "46700000001"],
  ])("reads the search value %s as %s", (value, digits) => {
    expect(searchDigits(value, "+47")).toBe(digits);
  });
});

describe("points and levels", () => {
  it.each([
    [0, { level_title: "Bronze", next_level_title: "Silver", next_level_points: 1000, remaining_points: 1000 }],
    [999.99, { level_title: "Bronze", remaining_points: 0.01 }],
    [1000, { level_title: "Silver", next_level_title: "Gold", remaining_points: 4000 }],
    [7000, { level_title: "Gold" }],
  ])("%s points → %o", (points, detail) => {
    const store = seedStore();
    const [member] = store.members;
    if (!member) throw new Error("the demo seed has no member");

    const result = membershipDetail(store, { ...member, points });

    expect(result).toMatchObject({ points, ...detail });
    if (points >= 5000) expect(result.next_level_title).toBeUndefined();
  });

  it("rounds points to two decimals for a fractional ratio", () => {
    const store = seedStore();
    store.profile.points_system = { enabled: true, currency_points_ratio: 0.5 };
    expect(pointsForAmount(store, 99.99)).toBe(50);
    expect(pointsForAmount(store, 10.01)).toBe(5.01);
    store.profile.points_system = { enabled: false, currency_points_ratio: 1 };
    expect(pointsForAmount(store, 100)).toBe(0);
  });
});

describe("stamp movements", () => {
  it.each([
    ["a restartable card that wraps", 1, 4, { action: "collected", count: 17 }, 1, 2],
    ["a non-restartable card that caps", 2, 2, { action: "collected", count: 9 }, 5, 1],
    ["a deduction", 1, 4, { action: "deducted", count: 3 }, 1, 0],
  ] as const)("undoes %s exactly", (_case, cardId, before, movement, after, completions) => {
    const store = seedStore();
    const member = store.members[0];
    const card = store.stampCards.find((candidate) => candidate.definition.id === cardId);
    if (!member || !card) throw new Error("seed changed");
    member.stampCards = [{ stampCardId: cardId, stampsCollected: before, completedCount: 0 }];

    const applied = applyStampMovement(card, member, { stampCardId: cardId, ...movement });
    if ("error" in applied) throw new Error(applied.error);
    expect(member.stampCards[0]).toEqual({ stampCardId: cardId, stampsCollected: after, completedCount: completions });

    reverseStampMovement(card, member, applied.movement);
    expect(member.stampCards[0]).toEqual({ stampCardId: cardId, stampsCollected: before, completedCount: 0 });
  });
});
