import type {
  CouponView,
  LoyaltyActivity,
  MemberDetail,
  SegmentField,
  StampCardView,
} from "@diller/storefront-contract";

import type { Member, MemberCoupon, MemberStampCard, MembershipLevel } from "~/diller/schemas.server";

import { consentsOfMember, profileOfMember } from "./profile";
import { memberSegmentAnswers } from "./segments";

export interface LevelProgress {
  levelTitle: string | null;
  nextLevelTitle: string | null;
  pointsToNextLevel: number | null;
  levelProgress: number | null;
}

/**
 * Where the member stands between levels. Diller's `membership_detail` names the level and the next
 * one; the thresholds come from the store's levels (`getStoreMembershipLevel`), so the progress bar
 * runs from the current level's threshold to the next one's. At the top level the bar is full and
 * nothing is left to earn; without levels the progress is unknown.
 */
export function levelProgressOf(
  detail: Member["membership_detail"],
  levels: readonly MembershipLevel[],
): LevelProgress {
  const points = detail?.points ?? 0;
  const sorted = levels
    .filter((level) => typeof level.points === "number")
    .map((level) => ({ name: level.name ?? null, points: level.points ?? 0 }))
    .sort((a, b) => a.points - b.points);
  const reached = sorted.filter((level) => level.points <= points);
  const current = sorted.find((level) => level.name !== null && level.name === detail?.level_title) ?? reached.at(-1);
  const next =
    sorted.find((level) => level.name !== null && level.name === detail?.next_level_title) ??
    sorted.find((level) => level.points > points);
  const levelTitle = detail?.level_title ?? current?.name ?? null;
  if (!next) {
    return { levelTitle, nextLevelTitle: null, pointsToNextLevel: null, levelProgress: sorted.length ? 1 : null };
  }
  const nextThreshold = detail?.next_level_points ?? next.points;
  const from = current?.points ?? 0;
  const span = nextThreshold - from;
  const toNext = detail?.remaining_points ?? Math.max(0, nextThreshold - points);
  return {
    levelTitle,
    nextLevelTitle: detail?.next_level_title ?? next.name,
    pointsToNextLevel: Math.max(0, Math.round(toNext * 100) / 100),
    levelProgress: span > 0 ? Math.min(1, Math.max(0, (points - from) / span)) : null,
  };
}

/**
 * A member coupon as the account page shows it. Coupons whose discount kind the app cannot apply at
 * checkout (Diller's `NotDefined`, or a kind added later) are left out: "use at checkout" would fail.
 */
export function couponViewOf(coupon: MemberCoupon, currency: string | null): CouponView | null {
  const base = {
    id: String(coupon.id ?? coupon.code),
    title: coupon.title,
    description: coupon.description ?? null,
    productIds: coupon.product_ids ?? [],
    validFrom: coupon.valid_from || null,
    validTo: coupon.valid_to || null,
    imageUrl: coupon.image_url ?? null,
    appliedCode: null,
  };
  const value = coupon.discount_value;
  switch (coupon.discount_type) {
    case "Percentage":
      return value === undefined ? null : { ...base, kind: "percentage", value: String(value), currency: null };
    case "Fixed":
      return value === undefined ? null : { ...base, kind: "fixed_amount", value: value.toFixed(2), currency };
    case "FreeShipping":
      return { ...base, kind: "free_shipping", value: null, currency: null };
    default:
      return null;
  }
}

export function stampCardViewOf(card: MemberStampCard): StampCardView | null {
  if (card.id === undefined) return null;
  return {
    id: String(card.id),
    title: card.title?.trim() || `#${card.id}`,
    description: card.description ?? null,
    collected: card.stamps_collected ?? 0,
    required: card.required_stamps ?? 0,
    imageUrl: card.image_url ?? null,
  };
}

export interface DillerMemberData {
  member: Member;
  coupons: MemberCoupon[];
  stampCards: MemberStampCard[];
}

/** Everything the account page shows about a member, from Diller's data and the app's own order history. */
export function memberDetailOf(
  { member, coupons, stampCards }: DillerMemberData,
  store: { levels: readonly MembershipLevel[]; segmentFields: readonly SegmentField[]; currency: string | null },
  recentActivity: LoyaltyActivity[],
): MemberDetail {
  return {
    profile: profileOfMember(member),
    consents: consentsOfMember(member),
    points: member.membership_detail?.points ?? 0,
    ...levelProgressOf(member.membership_detail, store.levels),
    levelExpiresAt: member.membership_detail?.level_expire_date ?? null,
    segments: memberSegmentAnswers(store.segmentFields, member.segments ?? []),
    coupons: coupons.map((coupon) => couponViewOf(coupon, store.currency)).filter((view) => view !== null),
    stampCards: stampCards.map(stampCardViewOf).filter((view) => view !== null),
    recentActivity,
  };
}
