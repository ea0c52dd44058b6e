import { z } from "zod";

import { COUPON_DISCOUNT_TYPES, COUPON_TYPES, flag, lenientEnum, numeric, optional, strings, text } from "./primitives";

/** Coupons and stamp cards, as the store offers them and as a member holds them. */

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
