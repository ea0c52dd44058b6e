/**
 * Compile-time drift checks between the code and the vendored contract (`@diller/diller-contract`:
 * `openapi.d.ts`, generated from `openapi.yaml`). `npx tsc --noEmit` fails with "Type 'false' does not
 * satisfy the constraint 'true'" on the line of a schema or operation that no longer matches.
 *
 * A schema matches its contract type when, after making every property required at every depth,
 * each is assignable to the other: same properties, same types, nothing missing or extra. Enums are
 * compared in their lenient form (`LenientEnum`: the contract's values plus any other string).
 */
import type { z } from "zod";

import type { components, operations, paths } from "@diller/diller-contract";
import type { DILLER_OPERATIONS, DillerOperationId } from "./operations.server";
import type * as S from "./schemas.server";

type Schemas = components["schemas"];

type Assert<Condition extends true> = Condition;

type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The documented lenient variant: string enums widened to admit unknown values. */
type Lenient<T> = T extends readonly (infer Item)[]
  ? Lenient<Item>[]
  : T extends object
    ? { [K in keyof T]: Lenient<T[K]> }
    : [T] extends [string]
      ? string extends T
        ? string
        : T | (string & {})
      : T;

/**
 * Every property required at every depth, so that a missing or extra property shows, with optional
 * ones wrapped in `Optional<…>`, so that a required property read as optional (or back) shows too.
 */
type Strict<T> = T extends readonly (infer Item)[]
  ? Strict<Item>[]
  : T extends object
    ? { [K in keyof T]-?: undefined extends T[K] ? Optional<Strict<Exclude<T[K], undefined>>> : Strict<T[K]> }
    : T;

interface Optional<T> {
  optional: T;
}

type Matches<Schema extends z.ZodType, Contract> = MutuallyAssignable<
  Strict<z.output<Schema>>,
  Strict<Lenient<Contract>>
>;

/** Stricter still for schemas without enums: no widening at all. */
type MatchesExactly<Schema extends z.ZodType, Contract> = MutuallyAssignable<
  Strict<z.output<Schema>>,
  Strict<Contract>
>;

export type _SchemaChecks = [
  Assert<MatchesExactly<typeof S.ActionResponseSchema, Schemas["ActionResponse"]>>,
  Assert<MatchesExactly<typeof S.ApiErrorSchema, Schemas["ApiError"]>>,
  Assert<MatchesExactly<typeof S.PhoneSchema, Schemas["Phone"]>>,
  Assert<MatchesExactly<typeof S.AddressSchema, Schemas["Address"]>>,
  Assert<MatchesExactly<typeof S.PointsSystemSchema, Schemas["PointsSystem"]>>,
  Assert<MatchesExactly<typeof S.MemberIdentifierSchema, Schemas["MemberIdentifier"]>>,
  Assert<MatchesExactly<typeof S.StoreResponseSchema, Schemas["StoreResponse"]>>,
  Assert<MatchesExactly<typeof S.StoreDepartmentResponseSchema, Schemas["StoreDepartmentResponse"]>>,
  Assert<MatchesExactly<typeof S.SegmentOptionSchema, Schemas["SegmentOption"]>>,
  Assert<Matches<typeof S.StoreSegmentResponseSchema, Schemas["StoreSegmentResponse"]>>,
  Assert<MatchesExactly<typeof S.StoreMembershipLevelResponseSchema, Schemas["StoreMembershipLevelResponse"]>>,
  Assert<MatchesExactly<typeof S.MemberConsentSchema, Schemas["MemberConsent"]>>,
  Assert<MatchesExactly<typeof S.MemberMembershipDetailSchema, Schemas["MemberMembershipDetail"]>>,
  Assert<Matches<typeof S.MemberSegmentResponseSchema, Schemas["MemberSegmentResponse"]>>,
  Assert<Matches<typeof S.MemberResponseSchema, Schemas["MemberResponse"]>>,
  Assert<MatchesExactly<typeof S.MemberProfileWidgetResponseSchema, Schemas["MemberProfileWidgetResponse"]>>,
  Assert<Matches<typeof S.DependentSchema, Schemas["Dependent"]>>,
  Assert<MatchesExactly<typeof S.ExternalCouponIdentifierSchema, Schemas["ExternalCouponIdentifier"]>>,
  Assert<MatchesExactly<typeof S.CouponTargetSchema, Schemas["CouponTarget"]>>,
  Assert<Matches<typeof S.MemberCouponResponseSchema, Schemas["MemberCouponResponse"]>>,
  Assert<Matches<typeof S.StoreCouponResponseSchema, Schemas["StoreCouponResponse"]>>,
  Assert<MatchesExactly<typeof S.StoreStampCardResponseSchema, Schemas["StoreStampCardResponse"]>>,
  Assert<MatchesExactly<typeof S.MemberStampCardSchema, Schemas["MemberStampCard"]>>,
  Assert<MatchesExactly<typeof S.InvitedFriendResponseSchema, Schemas["InvitedFriendResponse"]>>,
  Assert<MatchesExactly<typeof S.NonEligibleProductResponseSchema, Schemas["NonEligibleProductResponse"]>>,
  Assert<
    MatchesExactly<typeof S.NonEligibleProductPageSchema, Schemas["NonEligibleProductResponsePaginatedDataResponse"]>
  >,
  Assert<MatchesExactly<typeof S.UpdateBatchStatusSchema, Schemas["UpdateBatchStatus"]>>,
  Assert<MatchesExactly<typeof S.AddNonEligibleBatchErrorSchema, Schemas["AddNonEligibleBatchError"]>>,
  Assert<MatchesExactly<typeof S.TokenResponseSchema, Schemas["TokenResponse"]>>,
  Assert<Matches<typeof S.MemberListSchema, Schemas["MemberResponse"][]>>,
  Assert<Matches<typeof S.StoreCouponListSchema, Schemas["StoreCouponResponse"][]>>,
  Assert<MatchesExactly<typeof S.UpdateBatchStatusListSchema, Schemas["UpdateBatchStatus"][]>>,
];

/** The enum value lists are exactly the contract's enums. */
export type _EnumChecks = [
  Assert<MutuallyAssignable<(typeof S.GENDERS)[number], Schemas["Gender"]>>,
  Assert<MutuallyAssignable<(typeof S.SEGMENT_TYPES)[number], Schemas["SegmentType"]>>,
  Assert<MutuallyAssignable<(typeof S.COUPON_TYPES)[number], Schemas["CouponType"]>>,
  Assert<MutuallyAssignable<(typeof S.COUPON_DISCOUNT_TYPES)[number], Schemas["CouponDiscountType"]>>,
];

type Catalogue = typeof DILLER_OPERATIONS;
type OperationAt<Path extends keyof paths, Method extends string> =
  Lowercase<Method> extends keyof paths[Path] ? paths[Path][Lowercase<Method>] : never;

/** Each catalogue entry's method + path is, in the contract, the operation of that id. */
export type _CatalogueCheck = Assert<
  {
    [Id in DillerOperationId]: MutuallyAssignable<
      OperationAt<Catalogue[Id]["path"], Catalogue[Id]["method"]>,
      operations[Id]
    >;
  }[DillerOperationId]
>;

/** And the catalogue covers every contract operation but the token endpoint (served by openid-client). */
export type _CoverageCheck = Assert<MutuallyAssignable<keyof Catalogue | "requestAccessToken", keyof operations>>;
