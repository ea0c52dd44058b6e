/**
 * Points and membership levels. Points are a double rounded to 2 decimals (a fractional
 * currency_points_ratio such as 0.5 gives fractional points). The level is the highest one whose
 * threshold is at or below the balance; a level above the base one expires a year after it was reached.
 */
import { addYears } from "../clock";
import { type Schemas } from "../operation-types";
import { type MemberState, type StoreState } from "../state/schema";

export const LEVEL_VALIDITY_YEARS = 1;

export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** Points earned for an amount of money in the store's currency (0 when the points system is off). */
export function pointsForAmount(store: StoreState, amount: number): number {
  const system = store.profile.points_system;
  if (!system?.enabled) return 0;
  return round2(amount * (system.currency_points_ratio ?? 1));
}

export function levelFor(store: StoreState, points: number): StoreState["membershipLevels"][number] | undefined {
  return [...store.membershipLevels].sort((a, b) => b.points - a.points).find((level) => level.points <= points);
}

export function nextLevelFor(store: StoreState, points: number): StoreState["membershipLevels"][number] | undefined {
  return [...store.membershipLevels].sort((a, b) => a.points - b.points).find((level) => level.points > points);
}

/** Changes the balance and re-derives the level; `reachedAt` moves only when the level changes. */
export function adjustPoints(store: StoreState, member: MemberState, delta: number, now: Date): void {
  member.points = round2(member.points + delta);
  refreshLevel(store, member, now);
}

export function refreshLevel(store: StoreState, member: MemberState, now: Date): void {
  const level = levelFor(store, member.points);
  if (!level) member.level = undefined;
  else if (member.level?.id !== level.id) member.level = { id: level.id, reachedAt: now.toISOString() };
}

export function membershipDetail(store: StoreState, member: MemberState): Schemas["MemberMembershipDetail"] {
  const level = levelFor(store, member.points);
  const next = nextLevelFor(store, member.points);
  const detail: Schemas["MemberMembershipDetail"] = { points: member.points };
  if (level) detail.level_title = level.name;
  if (next) {
    detail.next_level_title = next.name;
    detail.next_level_points = next.points;
    detail.remaining_points = round2(next.points - member.points);
  }
  const lowest = Math.min(...store.membershipLevels.map((candidate) => candidate.points));
  if (level && member.level?.id === level.id && level.points > lowest) {
    detail.level_expire_date = addYears(new Date(member.level.reachedAt), LEVEL_VALIDITY_YEARS).toISOString();
  }
  return detail;
}
