import { type z } from "zod";

import { list } from "./schemas/primitives";
import { type ActionResponseSchema, type ProblemDetailsSchema } from "./schemas/common";
import {
  MemberCouponResponseSchema,
  MemberStampCardSchema,
  StoreCouponResponseSchema,
  StoreStampCardResponseSchema,
} from "./schemas/coupons";
import { DependentSchema, type MemberProfileWidgetResponseSchema, MemberResponseSchema } from "./schemas/member";
import {
  AddNonEligibleBatchErrorSchema,
  InvitedFriendResponseSchema,
  type NonEligibleProductPageSchema,
  NonEligibleProductResponseSchema,
  UpdateBatchStatusSchema,
} from "./schemas/products";
import {
  StoreDepartmentResponseSchema,
  StoreMembershipLevelResponseSchema,
  StoreResponseSchema,
  StoreSegmentResponseSchema,
} from "./schemas/store";

/**
 * zod schemas for every response body of the Diller contract (`packages/diller-contract/openapi.yaml`).
 *
 * Leniency rules (docs/diller.md, "Parsing responses"):
 * - unknown properties are accepted and dropped (zod's default `strip`);
 * - every property the contract does not list as required may be absent or `null` (both read as
 *   `undefined`), because the PHP SDK carries no nullability information;
 * - required properties stay required, and a value of the wrong type fails the parse;
 * - string enums keep unknown values as plain strings (`LenientEnum`): Diller has added enum values
 *   before (`NonBinary`, 2024), and one new value must not make a whole member unreadable. Callers
 *   that branch on a value use `isKnownValue` and treat anything else as "other";
 * - a top-level list answered with `null` reads as an empty list.
 *
 * `schemas.server.test-d.ts` checks at compile time that each schema's output type matches the
 * generated contract type (with enums widened as above), so code and contract cannot drift apart.
 */

export {
  COUPON_DISCOUNT_TYPES,
  COUPON_TYPES,
  GENDERS,
  isKnownValue,
  type LenientEnum,
  SEGMENT_TYPES,
} from "./schemas/primitives";
export * from "./schemas/common";
export * from "./schemas/store";
export * from "./schemas/member";
export * from "./schemas/coupons";
export * from "./schemas/products";

export const StoreListSchema = list(StoreResponseSchema);
export const DepartmentListSchema = list(StoreDepartmentResponseSchema);
export const SegmentListSchema = list(StoreSegmentResponseSchema);
export const MembershipLevelListSchema = list(StoreMembershipLevelResponseSchema);
export const MemberListSchema = list(MemberResponseSchema);
export const DependentListSchema = list(DependentSchema);
export const StoreCouponListSchema = list(StoreCouponResponseSchema);
export const MemberCouponListSchema = list(MemberCouponResponseSchema);
export const StoreStampCardListSchema = list(StoreStampCardResponseSchema);
export const MemberStampCardListSchema = list(MemberStampCardSchema);
export const InvitedFriendListSchema = list(InvitedFriendResponseSchema);
export const NonEligibleProductListSchema = list(NonEligibleProductResponseSchema);
export const UpdateBatchStatusListSchema = list(UpdateBatchStatusSchema);
export const AddNonEligibleBatchErrorListSchema = list(AddNonEligibleBatchErrorSchema);

export type ActionResponse = z.output<typeof ActionResponseSchema>;
export type ProblemDetails = z.output<typeof ProblemDetailsSchema>;
export type StoreResponse = z.output<typeof StoreResponseSchema>;
export type StoreDepartment = z.output<typeof StoreDepartmentResponseSchema>;
export type StoreSegment = z.output<typeof StoreSegmentResponseSchema>;
export type MembershipLevel = z.output<typeof StoreMembershipLevelResponseSchema>;
export type Member = z.output<typeof MemberResponseSchema>;
export type MemberProfileWidget = z.output<typeof MemberProfileWidgetResponseSchema>;
export type Dependent = z.output<typeof DependentSchema>;
export type StoreCoupon = z.output<typeof StoreCouponResponseSchema>;
export type MemberCoupon = z.output<typeof MemberCouponResponseSchema>;
export type StoreStampCard = z.output<typeof StoreStampCardResponseSchema>;
export type MemberStampCard = z.output<typeof MemberStampCardSchema>;
export type InvitedFriend = z.output<typeof InvitedFriendResponseSchema>;
export type NonEligibleProduct = z.output<typeof NonEligibleProductResponseSchema>;
export type NonEligibleProductPage = z.output<typeof NonEligibleProductPageSchema>;
export type UpdateBatchStatus = z.output<typeof UpdateBatchStatusSchema>;
export type AddNonEligibleBatchError = z.output<typeof AddNonEligibleBatchErrorSchema>;
