/**
 * Coupon rules. A member may use a coupon assigned to them or any Public coupon; it must be active,
 * inside its validity window, below max_redemptions for that member (times_redeemed counts per
 * member), and not reserved by a different external transaction. Codes match case-insensitively.
 */
import { type Schemas } from "../operation-types";
import { type CouponState, type MemberState, type StoreState } from "../state/schema";
import { dropUndefined } from "./members";

export type CouponCheck =
  { ok: true; coupon: CouponState; timesRedeemed: number } | { ok: false; reason: string; coupon?: CouponState };

export function findCouponByCode(store: StoreState, code: string): CouponState | undefined {
  const wanted = code.trim().toLowerCase();
  return store.coupons.find((coupon) => coupon.definition.code.toLowerCase() === wanted);
}

export function validityAt(definition: CouponState["definition"], now: Date): "valid" | "not-yet-valid" | "expired" {
  if (now < new Date(definition.valid_from)) return "not-yet-valid";
  if (now > new Date(definition.valid_to)) return "expired";
  return "valid";
}

export function isCurrentlyUsable(coupon: CouponState, now: Date): boolean {
  return coupon.active && validityAt(coupon.definition, now) === "valid";
}

/**
 * Whether `member` can use `code` now. With `externalTransactionId`, a reservation held by that same
 * transaction does not count as a block (the order that reserved it may redeem it).
 */
export function checkCoupon(
  store: StoreState,
  member: MemberState,
  code: string,
  now: Date,
  externalTransactionId?: string,
): CouponCheck {
  const coupon = findCouponByCode(store, code);
  if (!coupon) return { ok: false, reason: `Coupon '${code}' does not exist.` };
  const { definition } = coupon;
  const assignment = member.coupons.find((assigned) => assigned.couponId === definition.id);
  if (!assignment && definition.type !== "Public") {
    return { ok: false, coupon, reason: `Coupon '${definition.code}' is not available to this member.` };
  }
  if (!coupon.active) return { ok: false, coupon, reason: `Coupon '${definition.code}' is not active.` };
  const validity = validityAt(definition, now);
  if (validity === "not-yet-valid") {
    return {
      ok: false,
      coupon,
      reason: `Coupon '${definition.code}' is not valid yet (valid from ${definition.valid_from}).`,
    };
  }
  if (validity === "expired") {
    return { ok: false, coupon, reason: `Coupon '${definition.code}' has expired (valid to ${definition.valid_to}).` };
  }
  const timesRedeemed = assignment?.timesRedeemed ?? 0;
  if (definition.max_redemptions !== undefined && timesRedeemed >= definition.max_redemptions) {
    return {
      ok: false,
      coupon,
      reason: `Coupon '${definition.code}' is used up (${timesRedeemed} of ${definition.max_redemptions} redemptions).`,
    };
  }
  const reservation = store.couponReservations.find(
    (candidate) => candidate.memberId === member.id && candidate.couponId === definition.id,
  );
  if (reservation && reservation.externalTransactionId !== externalTransactionId) {
    return {
      ok: false,
      coupon,
      reason: `Coupon '${definition.code}' is reserved by another transaction ('${reservation.externalTransactionId}').`,
    };
  }
  return { ok: true, coupon, timesRedeemed };
}

export function redeemCoupon(member: MemberState, coupon: CouponState, now: Date): void {
  const assignment = member.coupons.find((assigned) => assigned.couponId === coupon.definition.id);
  if (assignment) assignment.timesRedeemed += 1;
  else member.coupons.push({ couponId: coupon.definition.id, timesRedeemed: 1, assignedAt: now.toISOString() });
}

export function restoreCoupon(member: MemberState, couponId: number): void {
  const assignment = member.coupons.find((assigned) => assigned.couponId === couponId);
  if (assignment && assignment.timesRedeemed > 0) assignment.timesRedeemed -= 1;
}

export function toStoreCouponResponse(coupon: CouponState): Schemas["StoreCouponResponse"] {
  return structuredClone(coupon.definition);
}

export function toMemberCouponResponse(coupon: CouponState, timesRedeemed: number): Schemas["MemberCouponResponse"] {
  const { definition } = coupon;
  return dropUndefined({
    id: definition.id,
    external_ids: definition.external_ids,
    code: definition.code,
    title: definition.title,
    description: definition.description,
    article_number: definition.article_number,
    valid_from: definition.valid_from,
    valid_to: definition.valid_to,
    type: definition.type,
    discount_type: definition.discount_type,
    discount_value: definition.discount_value,
    max_redemptions: definition.max_redemptions,
    image_url: definition.image_url,
    product_ids: definition.product_ids,
    times_redeemed: timesRedeemed,
  });
}

/** The member's assigned coupons they can currently use (active, in their window, not used up). */
export function usableMemberCoupons(
  store: StoreState,
  member: MemberState,
  now: Date,
): Schemas["MemberCouponResponse"][] {
  return member.coupons.flatMap((assigned) => {
    const coupon = store.coupons.find((candidate) => candidate.definition.id === assigned.couponId);
    if (!coupon || !isCurrentlyUsable(coupon, now)) return [];
    const max = coupon.definition.max_redemptions;
    if (max !== undefined && assigned.timesRedeemed >= max) return [];
    return [toMemberCouponResponse(coupon, assigned.timesRedeemed)];
  });
}
