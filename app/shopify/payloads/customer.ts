import { z } from "zod";

import { listOf, parsePayload, ShopifyIdSchema, type PayloadParseResult } from "./common";
import { DecimalAmountSchema } from "./money";

export const MarketingConsentSchema = z.object({
  /** subscribed | not_subscribed | pending | unsubscribed | redacted | invalid */
  state: z.string().nullish(),
  opt_in_level: z.string().nullish(),
  consent_updated_at: z.string().nullish(),
  consent_collected_from: z.string().nullish(),
});

export const CustomerAddressSchema = z.object({
  id: ShopifyIdSchema.nullish(),
  customer_id: ShopifyIdSchema.nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  name: z.string().nullish(),
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  province: z.string().nullish(),
  province_code: z.string().nullish(),
  country: z.string().nullish(),
  country_code: z.string().nullish(),
  country_name: z.string().nullish(),
  zip: z.string().nullish(),
  phone: z.string().nullish(),
  default: z.boolean().nullish(),
});

/**
 * customers/create | customers/update body. Identified by `id` (same big-id caveat as orders). `email_marketing_consent`
 * is missing in some payloads (the shopify.dev example) and null-able; the legacy `accepts_marketing` may accompany it.
 */
export const CustomerSchema = z.object({
  id: ShopifyIdSchema,
  admin_graphql_api_id: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  state: z.string().nullish(),
  verified_email: z.boolean().nullish(),
  tax_exempt: z.boolean().nullish(),
  tags: z.string().nullish(),
  currency: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  orders_count: z.number().int().nullish(),
  total_spent: DecimalAmountSchema.nullish(),
  email_marketing_consent: MarketingConsentSchema.nullish(),
  sms_marketing_consent: MarketingConsentSchema.nullish(),
  accepts_marketing: z.boolean().nullish(),
  accepts_marketing_updated_at: z.string().nullish(),
  marketing_opt_in_level: z.string().nullish(),
  default_address: CustomerAddressSchema.nullish(),
  addresses: listOf(CustomerAddressSchema),
});

export type ShopifyCustomer = z.output<typeof CustomerSchema>;
export type ShopifyCustomerAddress = z.output<typeof CustomerAddressSchema>;

export function parseCustomerPayload(json: unknown): PayloadParseResult<ShopifyCustomer> {
  return parsePayload(CustomerSchema, "customer", json);
}
