import { z } from "zod";

import { AddressSchema, PhoneSchema } from "./common";
import { GENDERS, SEGMENT_TYPES, flag, integers, lenientEnum, numeric, optional, strings, text } from "./primitives";

/** Members, their consents, segments and dependents. */

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
