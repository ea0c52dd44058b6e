import { z } from "zod";

import { flag, numeric, optional, text } from "./primitives";

/** Bodies shared by many endpoints: outcomes, errors, phone and address, tokens. */

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

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: text(),
  scope: text(),
});

/** An OAuth 2.0 error body (RFC 6749 §5.2) from the token endpoint. */
export const OAuthErrorSchema = z.object({ error: z.string(), error_description: text() });
