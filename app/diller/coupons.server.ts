import { callAndParse } from "./call.server";
import type { components } from "@diller/diller-contract";
import type { MemberRef } from "./members.server";
import {
  ActionResponseSchema,
  MemberCouponListSchema,
  StoreCouponListSchema,
  type ActionResponse,
  type MemberCoupon,
  type StoreCoupon,
} from "./schemas.server";
import type { DillerTransport } from "./transport.server";

type Schemas = components["schemas"];

interface CouponRef extends MemberRef {
  /** Sent URL-encoded: codes may contain spaces or slashes. */
  couponCode: string;
}

/** Store and member coupons: list, validate, reserve for an order, release. */
export function couponsApiFactory({ transport }: { transport: DillerTransport }) {
  return {
    /** `getStoreCoupons`: currently valid ones, or all with `includeInactive`. */
    async listStoreCoupons({ includeInactive }: { includeInactive?: boolean } = {}): Promise<StoreCoupon[]> {
      return callAndParse(transport, "getStoreCoupons", StoreCouponListSchema, {
        query: { alsoInactive: includeInactive },
      });
    },
    /** `getMemberCoupons`: the coupons the member can use now. */
    async listMemberCoupons({ memberId }: MemberRef): Promise<MemberCoupon[]> {
      return callAndParse(transport, "getMemberCoupons", MemberCouponListSchema, { path: { memberId } });
    },
    /** `validateCoupon`: `is_ok` says whether this member can use the code. */
    async validateCoupon({ memberId, couponCode }: CouponRef): Promise<ActionResponse> {
      return callAndParse(transport, "validateCoupon", ActionResponseSchema, { path: { memberId, couponCode } });
    },
    /**
     * `reserveCoupon`: locks the coupon to a pending order. Not re-sent after an ambiguous failure;
     * release it with `cancelCouponReservation` (safe to repeat) before reserving again.
     */
    async reserveCoupon({
      memberId,
      couponCode,
      reservation,
    }: CouponRef & { reservation: Schemas["CouponReservationRequest"] }): Promise<ActionResponse> {
      return callAndParse(transport, "reserveCoupon", ActionResponseSchema, {
        path: { memberId, couponCode },
        body: reservation,
      });
    },
    /** `cancelCouponReservation`: releases the reservation; repeating it changes nothing, so it is retried. */
    async cancelCouponReservation({
      memberId,
      couponCode,
      cancellation,
    }: CouponRef & { cancellation: Schemas["CouponCancelReservationRequest"] }): Promise<ActionResponse> {
      return callAndParse(transport, "cancelCouponReservation", ActionResponseSchema, {
        path: { memberId, couponCode },
        body: cancellation,
      });
    },
  };
}
