import {
  COUPON_DISCOUNT_TYPES,
  COUPON_TYPES,
  isKnownValue,
  SEGMENT_TYPES,
  type MembershipLevel,
  type StoreCoupon,
  type StoreSegment,
  type StoreStampCard,
} from "~/diller/schemas.server";

/**
 * The loyalty program as the admin shows it: pure mappings from Diller's store reads (segments,
 * levels, coupons, stamp cards) to serializable rows.
 */

/** Active: Diller lists it as usable now. The others say why it is not. */
export type ValidityStatus = "active" | "scheduled" | "expired" | "inactive";

export function validityStatus(
  { listedAsActive, validFrom, validTo }: { listedAsActive: boolean; validFrom?: string; validTo?: string },
  now: Date,
): ValidityStatus {
  if (listedAsActive) return "active";
  const to = validTo ? Date.parse(validTo) : Number.NaN;
  if (Number.isFinite(to) && to < now.getTime()) return "expired";
  const from = validFrom ? Date.parse(validFrom) : Number.NaN;
  if (Number.isFinite(from) && from > now.getTime()) return "scheduled";
  return "inactive";
}

export type SegmentKind = (typeof SEGMENT_TYPES)[number] | "other";

export interface SegmentRow {
  id: number | null;
  question: string;
  type: SegmentKind;
  /** The type as Diller named it (shown for types the app does not know yet). */
  rawType: string;
  required: boolean;
  visibleToMembers: boolean;
  options: string[];
}

export function segmentRows(segments: StoreSegment[]): SegmentRow[] {
  return segments.map((segment) => ({
    id: segment.id ?? null,
    question: segment.text?.trim() || `#${segment.id ?? "?"}`,
    type: isKnownValue(SEGMENT_TYPES, segment.type) ? segment.type : "other",
    rawType: segment.type,
    required: segment.is_required ?? false,
    visibleToMembers: segment.is_visible_to_follower ?? true,
    options: (segment.options ?? []).map((option) => option.text?.trim() || `#${option.id ?? "?"}`),
  }));
}

export interface LevelRow {
  id: number | null;
  name: string;
  points: number;
}

export function levelRows(levels: MembershipLevel[]): LevelRow[] {
  return levels
    .map((level) => ({
      id: level.id ?? null,
      name: level.name?.trim() || `#${level.id ?? "?"}`,
      points: level.points ?? 0,
    }))
    .sort((a, b) => a.points - b.points);
}

export type CouponKind = (typeof COUPON_TYPES)[number] | "other";
export type DiscountKind = (typeof COUPON_DISCOUNT_TYPES)[number] | "other";

export interface CouponRow {
  key: string;
  code: string;
  title: string;
  type: CouponKind;
  rawType: string;
  discountType: DiscountKind;
  discountValue: number | null;
  validFrom: string;
  validTo: string;
  status: ValidityStatus;
  maxRedemptions: number | null;
  requiredPoints: number | null;
  /** The membership level id the coupon targets (Diller's `target.membership_level`). */
  membershipLevelId: number | null;
}

function couponKey(coupon: StoreCoupon): string {
  return coupon.id !== undefined ? `id:${coupon.id}` : `code:${coupon.code.toLowerCase()}`;
}

/**
 * Every coupon of the store (`alsoInactive`), each marked with its status; the plain list says
 * which are usable now. Active ones come first, then by title.
 */
export function couponRows(all: StoreCoupon[], active: StoreCoupon[], now: Date): CouponRow[] {
  const activeKeys = new Set(active.map(couponKey));
  const byKey = new Map<string, StoreCoupon>();
  for (const coupon of [...active, ...all]) if (!byKey.has(couponKey(coupon))) byKey.set(couponKey(coupon), coupon);
  const rows = [...byKey.entries()].map(([key, coupon]): CouponRow => {
    const discountType = coupon.discount_type ?? "NotDefined";
    return {
      key,
      code: coupon.code,
      title: coupon.title,
      type: isKnownValue(COUPON_TYPES, coupon.type) ? coupon.type : "other",
      rawType: coupon.type,
      discountType: isKnownValue(COUPON_DISCOUNT_TYPES, discountType) ? discountType : "other",
      discountValue: coupon.discount_value ?? null,
      validFrom: coupon.valid_from,
      validTo: coupon.valid_to,
      status: validityStatus(
        { listedAsActive: activeKeys.has(key), validFrom: coupon.valid_from, validTo: coupon.valid_to },
        now,
      ),
      maxRedemptions: coupon.max_redemptions ?? null,
      requiredPoints: coupon.target?.required_points ?? null,
      membershipLevelId: coupon.target?.membership_level ?? null,
    };
  });
  return sortByStatusThenTitle(rows, (row) => row.title);
}

export interface StampCardRow {
  key: string;
  title: string;
  requiredStamps: number | null;
  restartable: boolean;
  cardType: string | null;
  thresholdAmount: number | null;
  validFrom: string | null;
  validTo: string | null;
  status: ValidityStatus;
}

export function stampCardRows(all: StoreStampCard[], active: StoreStampCard[], now: Date): StampCardRow[] {
  const keyOf = (card: StoreStampCard) => `id:${card.id ?? card.title ?? "?"}`;
  const activeKeys = new Set(active.map(keyOf));
  const byKey = new Map<string, StoreStampCard>();
  for (const card of [...active, ...all]) if (!byKey.has(keyOf(card))) byKey.set(keyOf(card), card);
  const rows = [...byKey.entries()].map(([key, card]): StampCardRow => ({
    key,
    title: card.title?.trim() || `#${card.id ?? "?"}`,
    requiredStamps: card.required_stamps ?? null,
    restartable: card.is_restartable ?? false,
    cardType: card.card_type ?? null,
    thresholdAmount: card.threshold_amount ?? null,
    validFrom: card.valid_from ?? null,
    validTo: card.valid_to ?? null,
    status: validityStatus(
      { listedAsActive: activeKeys.has(key), validFrom: card.valid_from, validTo: card.valid_to },
      now,
    ),
  }));
  return sortByStatusThenTitle(rows, (row) => row.title);
}

const STATUS_ORDER: Record<ValidityStatus, number> = { active: 0, scheduled: 1, inactive: 2, expired: 3 };

function sortByStatusThenTitle<Row extends { status: ValidityStatus }>(
  rows: Row[],
  title: (row: Row) => string,
): Row[] {
  return rows.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || title(a).localeCompare(title(b), "en"));
}
