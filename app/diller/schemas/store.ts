import { z } from "zod";

import { AddressSchema, PhoneSchema } from "./common";
import { SEGMENT_TYPES, flag, lenientEnum, numeric, optional, text } from "./primitives";

/** The store and its configuration: points system, departments, segments, membership levels. */

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
