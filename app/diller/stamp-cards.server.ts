import { callAndParse } from "./call.server";
import type { components } from "@diller/diller-contract";
import type { MemberRef } from "./members.server";
import {
  ActionResponseSchema,
  MemberStampCardListSchema,
  StoreStampCardListSchema,
  type ActionResponse,
  type MemberStampCard,
  type StoreStampCard,
} from "./schemas.server";
import type { DillerTransport } from "./transport.server";

type Schemas = components["schemas"];

interface StampCardRef extends MemberRef {
  /** An integer in the contract. */
  stampId: number;
}

/** Stamp cards. Stamps are booked through `stamp_cards` on a transaction, not here. */
export function stampCardsApiFactory({ transport }: { transport: DillerTransport }) {
  return {
    /** `getStoreStamps`: active cards, or all with `includeInactive`. */
    async listStoreStampCards({ includeInactive }: { includeInactive?: boolean } = {}): Promise<StoreStampCard[]> {
      return callAndParse(transport, "getStoreStamps", StoreStampCardListSchema, {
        query: { alsoInactive: includeInactive },
      });
    },
    /** `getMemberStampCards`: cards with the member's `stamps_collected`. */
    async listMemberStampCards({ memberId }: MemberRef): Promise<MemberStampCard[]> {
      return callAndParse(transport, "getMemberStampCards", MemberStampCardListSchema, { path: { memberId } });
    },
    /** `reserveStamp`. Not re-sent after an ambiguous failure. */
    async reserveStamp({
      memberId,
      stampId,
      reservation,
    }: StampCardRef & { reservation: Schemas["StampReservationRequest"] }): Promise<ActionResponse> {
      return callAndParse(transport, "reserveStamp", ActionResponseSchema, {
        path: { memberId, stampId },
        body: reservation,
      });
    },
    /**
     * `cancelStampReservation`; repeating it changes nothing, so it is retried.
     * @deprecated Diller's SDK marks the endpoint for removal and names no replacement.
     */
    async cancelStampReservation({
      memberId,
      stampId,
      cancellation,
    }: StampCardRef & { cancellation: Schemas["CouponCancelReservationRequest"] }): Promise<ActionResponse> {
      return callAndParse(transport, "cancelStampReservation", ActionResponseSchema, {
        path: { memberId, stampId },
        body: cancellation,
      });
    },
  };
}
