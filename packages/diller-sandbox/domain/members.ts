/** Member lookup, the MemberResponse view, and the lifecycle effects of accepting GDPR or being deleted. */
import { addDays } from "../clock";
import { type Schemas } from "../operation-types";
import { notFoundProblem } from "../problem";
import { type MemberState, type SandboxState, type StoreState } from "../state/schema";
import { adjustPoints, membershipDetail } from "./points";
import { memberSegments } from "./segments";

/** deleteMember flags a member; the purge follows this many days later (simulated with the clock). */
export const PURGE_AFTER_DAYS = 10;

export function findMember(store: StoreState, memberId: string): MemberState | undefined {
  return store.members.find((member) => member.id === memberId && !member.deletedAt);
}

/** The member, or a 404 problem (the real status for an unknown member is not documented; see README). */
export function requireMember(store: StoreState, memberId: string): MemberState {
  const member = findMember(store, memberId);
  if (!member) throw notFoundProblem(`Member '${memberId}' was not found in this store.`);
  return member;
}

export function activeMembers(store: StoreState): MemberState[] {
  return store.members.filter((member) => !member.deletedAt);
}

export function toMemberResponse(store: StoreState, member: MemberState): Schemas["MemberResponse"] {
  return dropUndefined({
    id: member.id,
    first_name: member.first_name,
    last_name: member.last_name,
    email: member.email,
    additional_identifiers: member.additional_identifiers,
    remarks: member.remarks,
    phone: member.phone,
    birth_date: member.birth_date,
    address: member.address,
    gender: member.gender,
    consent: member.consent,
    membership_detail: membershipDetail(store, member),
    department_ids: member.department_ids,
    segments: memberSegments(store, member.segmentAnswers),
  });
}

/**
 * Effects of a member accepting GDPR (at registration or later): signup points once, the store's
 * active Welcome coupons, and the activation token is spent.
 */
export function onGdprAccepted(store: StoreState, member: MemberState, now: Date): void {
  member.activationToken = undefined;
  if (!member.signupPointsAwarded) {
    member.signupPointsAwarded = true;
    const signupPoints = store.profile.points_system?.enabled
      ? (store.profile.points_system.follower_signup_points ?? 0)
      : 0;
    if (signupPoints > 0) adjustPoints(store, member, signupPoints, now);
  }
  for (const coupon of store.coupons) {
    if (coupon.definition.type !== "Welcome" || !coupon.active) continue;
    if (member.coupons.some((assigned) => assigned.couponId === coupon.definition.id)) continue;
    member.coupons.push({ couponId: coupon.definition.id, timesRedeemed: 0, assignedAt: now.toISOString() });
  }
}

/** Removes members flagged for deletion at least PURGE_AFTER_DAYS ago, with their open reservations and codes. */
export function purgeDeletedMembers(state: SandboxState, now: Date): void {
  for (const store of state.stores) {
    const purged = new Set(
      store.members
        .filter((member) => member.deletedAt && addDays(new Date(member.deletedAt), PURGE_AFTER_DAYS) <= now)
        .map((member) => member.id),
    );
    if (purged.size === 0) continue;
    store.members = store.members.filter((member) => !purged.has(member.id));
    store.couponReservations = store.couponReservations.filter((reservation) => !purged.has(reservation.memberId));
    store.stampReservations = store.stampReservations.filter((reservation) => !purged.has(reservation.memberId));
    store.pendingOtps = store.pendingOtps.filter((otp) => !purged.has(otp.memberId));
  }
}

/** Omits undefined properties so responses carry no `null`s or empty keys (the SDK omits nulls too). */
export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value)) {
    if (Reflect.get(value, key) === undefined) Reflect.deleteProperty(value, key);
  }
  return value;
}
