import { z } from "zod";

import { flag, numeric, optional, strings, text } from "./primitives";

/** Invited friends and the non-eligible product list with its batch results. */

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
