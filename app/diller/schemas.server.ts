import { z } from "zod";

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

/** A contract enum that also admits values the contract does not list yet. */
export type LenientEnum<Known extends string> = Known | (string & {});

export const GENDERS = ["Male", "Female", "NotShared", "NonBinary"] as const;
export const SEGMENT_TYPES = ["Text", "DateTime", "Radio", "Checkbox", "Dropdown"] as const;
export const COUPON_TYPES = [
  "Standard",
  "Welcome",
  "Campaign",
  "Public",
  "Recurring",
  "Birthday",
  "ChildBirthday",
  "Automation",
] as const;
export const COUPON_DISCOUNT_TYPES = ["NotDefined", "Percentage", "Fixed", "FreeShipping"] as const;

/** Narrows a lenient enum value to the values the contract knows. */
export function isKnownValue<const Known extends string>(
  known: readonly Known[],
  value: string | undefined,
): value is Known {
  return known.some((candidate) => candidate === value);
}

function lenientEnum<const Known extends string>(_known: readonly Known[]) {
  return z.string().transform((value): LenientEnum<Known> => value);
}

/** Absent or null: both read as undefined. */
function optional<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/** A top-level list; `null` reads as an empty list. */
function list<Schema extends z.ZodType>(item: Schema) {
  return z.preprocess((value) => (value === null ? [] : value), z.array(item));
}

const text = () => optional(z.string());
const flag = () => optional(z.boolean());
const numeric = () => optional(z.number());
const strings = () => optional(z.array(z.string()));
const integers = () => optional(z.array(z.number()));

export const ActionResponseSchema = z.object({ is_ok: flag(), details: text() });

/** RFC 7807 problem details as ASP.NET writes them; `errors` maps a field to its messages. */
export const ApiErrorSchema = z.object({
  type: text(),
  title: text(),
  status: numeric(),
  detail: text(),
  instance: text(),
  errors: optional(z.record(z.string(), z.array(z.string()))),
});

/** ApiError plus ASP.NET's `traceId` extension, which identifies the request in Diller's logs. */
export const ProblemDetailsSchema = ApiErrorSchema.extend({
  // Some servers send a single string per field instead of a list; keep the message either way.
  errors: optional(z.record(z.string(), z.union([z.array(z.string()), z.string().transform((message) => [message])]))),
  traceId: text(),
});

export const PhoneSchema = z.object({ country_code: z.string(), number: z.string() });

export const AddressSchema = z.object({
  street: text(),
  city: text(),
  zip_code: text(),
  state: text(),
  country_code: text(),
});

export const PointsSystemSchema = z.object({
  enabled: flag(),
  friend_referral_points: numeric(),
  follower_signup_points: numeric(),
  currency_points_ratio: numeric(),
});

export const MemberIdentifierSchema = z.object({ type: text(), is_unique_per_country: flag() });

export const StoreResponseSchema = z.object({
  id: text(),
  tax_number: text(),
  external_id: text(),
  store_name: text(),
  phone: optional(PhoneSchema),
  email: text(),
  address: optional(AddressSchema),
  currency: text(),
  time_zone: text(),
  culture: text(),
  stamps_enabled: flag(),
  friend_referral_enabled: flag(),
  points_system: optional(PointsSystemSchema),
  member_identifier: optional(MemberIdentifierSchema),
  privacy_policy_url: text(),
});

export const StoreDepartmentResponseSchema = z.object({ id: text(), name: text() });

export const SegmentOptionSchema = z.object({ id: numeric(), text: text() });

export const StoreSegmentResponseSchema = z.object({
  id: numeric(),
  text: text(),
  type: lenientEnum(SEGMENT_TYPES),
  is_visible_to_follower: flag(),
  is_required: flag(),
  options: optional(z.array(SegmentOptionSchema)),
});

export const StoreMembershipLevelResponseSchema = z.object({ id: numeric(), name: text(), points: numeric() });

export const MemberConsentSchema = z.object({
  gdpr_accepted: flag(),
  save_order_history: flag(),
  receive_sms: flag(),
  receive_email: flag(),
});

export const MemberMembershipDetailSchema = z.object({
  points: numeric(),
  remaining_points: numeric(),
  level_title: text(),
  next_level_title: text(),
  next_level_points: numeric(),
  level_expire_date: text(),
});

export const MemberSegmentResponseSchema = z.object({
  id: numeric(),
  text: text(),
  type: lenientEnum(SEGMENT_TYPES),
  is_visible_to_follower: flag(),
  is_required: flag(),
  value: text(),
  selected_options: integers(),
});

export const MemberResponseSchema = z.object({
  id: text(),
  first_name: text(),
  last_name: text(),
  email: text(),
  additional_identifiers: strings(),
  remarks: text(),
  phone: optional(PhoneSchema),
  birth_date: text(),
  address: optional(AddressSchema),
  gender: lenientEnum(GENDERS),
  consent: optional(MemberConsentSchema),
  membership_detail: optional(MemberMembershipDetailSchema),
  department_ids: strings(),
  segments: optional(z.array(MemberSegmentResponseSchema)),
});

export const MemberProfileWidgetResponseSchema = z.object({ details_url: text() });

export const DependentSchema = z.object({
  id: numeric(),
  name: text(),
  birthdate: text(),
  gender: optional(lenientEnum(GENDERS)),
});

export const ExternalCouponIdentifierSchema = z.object({ platform: text(), external_id: text() });

export const CouponTargetSchema = z.object({
  required_points: numeric(),
  membership_level: numeric(),
  list_id: numeric(),
});

const couponFields = {
  id: numeric(),
  external_ids: optional(z.array(ExternalCouponIdentifierSchema)),
  code: z.string(),
  title: z.string(),
  description: text(),
  article_number: text(),
  valid_from: z.string(),
  valid_to: z.string(),
  type: lenientEnum(COUPON_TYPES),
  discount_type: optional(lenientEnum(COUPON_DISCOUNT_TYPES)),
  discount_value: numeric(),
  max_redemptions: numeric(),
  image_url: text(),
  product_ids: strings(),
};

export const MemberCouponResponseSchema = z.object({ ...couponFields, times_redeemed: numeric() });

export const StoreCouponResponseSchema = z.object({
  ...couponFields,
  target: optional(CouponTargetSchema),
  usage_extension_in_days: numeric(),
});

const stampCardFields = {
  id: numeric(),
  external_id: text(),
  article_number: text(),
  title: text(),
  description: text(),
  required_points: numeric(),
  is_restartable: flag(),
  required_stamps: numeric(),
  image_url: text(),
  last_stamp_text: text(),
  product_ids: strings(),
  card_type: text(),
  threshold_amount: numeric(),
  valid_from: text(),
  valid_to: text(),
};

export const StoreStampCardResponseSchema = z.object(stampCardFields);

export const MemberStampCardSchema = z.object({ ...stampCardFields, stamps_collected: numeric() });

export const InvitedFriendResponseSchema = z.object({
  first_name: text(),
  last_name: text(),
  email: text(),
  created_at: text(),
  is_accepted: flag(),
  points: numeric(),
});

export const NonEligibleProductResponseSchema = z.object({
  id: numeric(),
  description: text(),
  product_id: text(),
  product_id_prefix: text(),
  product_category_id: numeric(),
  subsystem: text(),
  expires_at: text(),
});

export const NonEligibleProductPageSchema = z.object({
  data: optional(z.array(NonEligibleProductResponseSchema)),
  total_records: numeric(),
  offset: numeric(),
  limit: numeric(),
});

export const UpdateBatchStatusSchema = z.object({ id: numeric(), status: flag(), errors: strings() });

export const AddNonEligibleBatchErrorSchema = z.object({
  product_id: text(),
  product_id_prefix: text(),
  errors: strings(),
});

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: text(),
  scope: text(),
});

/** An OAuth 2.0 error body (RFC 6749 §5.2) from the token endpoint. */
export const OAuthErrorSchema = z.object({ error: z.string(), error_description: text() });

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
