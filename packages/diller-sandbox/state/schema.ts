/**
 * The sandbox's whole world as plain JSON (timestamps are ISO strings), so the live object can be
 * written to and read from the state file unchanged. Parts that are Diller contract shapes are checked
 * with the contract's own schemas; the sandbox's bookkeeping around them is described here with zod.
 */
import { z } from "zod";

import { type ContractValidator } from "../contract";
import { type SchemaName, type Schemas } from "../operation-types";

export const STATE_VERSION = 1;

const Timestamp = z.iso.datetime({ offset: true });
const Int = z.number().int();

type WithId<T> = T & { id: number };

export function createStateSchema(contract: ContractValidator) {
  const shape = <N extends SchemaName>(name: N) =>
    z.custom<Schemas[N]>((value) => contract.isComponent(name, value), { message: `must be a valid ${name}` });
  const shapeWithId = <N extends SchemaName>(name: N) =>
    z.custom<WithId<Schemas[N]>>(
      (value) =>
        contract.isComponent(name, value) && typeof value === "object" && Number.isInteger(Reflect.get(value, "id")),
      { message: `must be a valid ${name} with an integer id` },
    );

  const Consent = z.object({
    gdpr_accepted: z.boolean(),
    save_order_history: z.boolean(),
    receive_sms: z.boolean(),
    receive_email: z.boolean(),
  });

  const Member = z.object({
    id: z.string().min(1),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    /** Set by deleteMember; the member is invisible at once and purged 10 days later. */
    deletedAt: Timestamp.optional(),
    /** Set by enrollMember until the member accepts GDPR; findable with members/search?activationToken=. */
    activationToken: z.string().optional(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    email: z.string().optional(),
    remarks: z.string().optional(),
    phone: shape("Phone"),
    birth_date: z.string().optional(),
    address: shape("Address").optional(),
    gender: shape("Gender"),
    additional_identifiers: z.array(z.string()),
    consent: Consent,
    department_ids: z.array(z.string()),
    origin: shape("Origin").optional(),
    segmentAnswers: z.array(shape("SegmentValue")),
    points: z.number(),
    /** The level the member holds and when it was reached (drives level_expire_date). */
    level: z.object({ id: Int, reachedAt: Timestamp }).optional(),
    signupPointsAwarded: z.boolean(),
    coupons: z.array(z.object({ couponId: Int, timesRedeemed: Int.min(0), assignedAt: Timestamp })),
    stampCards: z.array(z.object({ stampCardId: Int, stampsCollected: Int.min(0), completedCount: Int.min(0) })),
    dependents: z.array(shapeWithId("Dependent")),
    invitedFriends: z.array(z.object({ invitationToken: z.string(), friend: shape("InvitedFriendResponse") })),
  });

  const StampMovement = z.object({
    stampCardId: Int,
    action: z.enum(["collected", "deducted"]),
    count: Int.positive(),
    /** What the movement actually changed (a capped or wrapping card differs from `count`); cancel undoes it. */
    stampsDelta: Int,
    completedDelta: Int,
  });

  const Refund = z.object({
    id: z.string(),
    externalId: z.string().optional(),
    total: z.number(),
    pointsDeducted: z.number(),
    receivedAt: Timestamp,
    request: shape("CreateRefundTransactionRequest"),
  });

  const Transaction = z.object({
    /** Sandbox id (e.g. T000001); refunds accept it as well as the external id. */
    id: z.string(),
    externalId: z.string(),
    memberId: z.string(),
    status: z.enum(["completed", "cancelled"]),
    receivedAt: Timestamp,
    total: z.number(),
    pointsAwarded: z.number(),
    /** The request as received; `details` dropped when the member has not allowed save_order_history. */
    request: shape("CreateTransactionRequest"),
    redeemedCoupons: z.array(z.object({ couponId: Int, code: z.string() })),
    stampMovements: z.array(StampMovement),
    refunds: z.array(Refund),
    cancellation: z
      .object({
        cancelledAt: Timestamp,
        reason: z.string().optional(),
        origin: shape("Origin").optional(),
        pointsDeducted: z.number(),
      })
      .optional(),
  });

  const CouponReservation = z.object({
    memberId: z.string(),
    couponId: Int,
    externalTransactionId: z.string(),
    channel: z.string().optional(),
    externalProductId: z.string().optional(),
    reservedAt: Timestamp,
  });

  const StampReservation = z.object({
    memberId: z.string(),
    stampCardId: Int,
    externalTransactionId: z.string(),
    channel: z.string().optional(),
    externalProductId: z.string().optional(),
    count: Int.positive(),
    reservedAt: Timestamp,
  });

  const PendingOtp = z.object({
    memberId: z.string(),
    purpose: z.enum(["login", "reset-phone"]),
    /** Six digits as text: it may start with 0, which the int32 `otp_code` on the wire cannot carry. */
    code: z.string().regex(/^\d{6}$/),
    phone: shape("Phone").optional(),
    issuedAt: Timestamp,
    failedAttempts: Int.min(0),
  });

  const Store = z.object({
    id: z.string().min(12),
    apiKey: z.string().min(32),
    /** StoreResponse without `id` (the store's `id` above is the single source). */
    profile: shape("StoreResponse"),
    departments: z.array(z.object({ id: z.string(), name: z.string() })),
    segments: z.array(shapeWithId("StoreSegmentResponse")),
    membershipLevels: z.array(z.object({ id: Int, name: z.string(), points: Int })),
    /** `active: false` hides a coupon from getStoreCoupons (unless alsoInactive) and makes it unusable. */
    coupons: z.array(z.object({ active: z.boolean(), definition: shapeWithId("StoreCouponResponse") })),
    stampCards: z.array(z.object({ active: z.boolean(), definition: shapeWithId("StoreStampCardResponse") })),
    nonEligibleProducts: z.array(shapeWithId("NonEligibleProductResponse")),
    members: z.array(Member),
    transactions: z.array(Transaction),
    couponReservations: z.array(CouponReservation),
    stampReservations: z.array(StampReservation),
    pendingOtps: z.array(PendingOtp),
  });

  return z.object({
    version: z.literal(STATE_VERSION),
    sequences: z.object({
      transaction: Int,
      refund: Int,
      dependent: Int,
      nonEligibleProduct: Int,
    }),
    stores: z.array(Store),
  });
}

export type SandboxState = z.infer<ReturnType<typeof createStateSchema>>;
export type StoreState = SandboxState["stores"][number];
export type MemberState = StoreState["members"][number];
export type TransactionState = StoreState["transactions"][number];
export type RefundState = TransactionState["refunds"][number];
export type CouponState = StoreState["coupons"][number];
export type StampCardState = StoreState["stampCards"][number];
export type PendingOtpState = StoreState["pendingOtps"][number];
export type StampMovementState = TransactionState["stampMovements"][number];
export type SequenceName = keyof SandboxState["sequences"];
