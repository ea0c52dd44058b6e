import { z } from "zod";

/**
 * A Shopify numeric id, kept as decimal text. REST payloads send ids as JSON numbers; ids above 2^53 lose digits in
 * `JSON.parse` (the shopify.dev examples were published already rounded), so parse raw bodies with `parseShopifyJson`,
 * which hands such ids over as strings with every digit intact.
 */
export const ShopifyIdSchema = z
  // Not z.number().int(): that stops at 2^53, and a rounded id from JSON.parse is still the published id.
  .union([
    z.number().nonnegative().refine(Number.isInteger, "not an integer id"),
    z.string().regex(/^\d+$/, "not a numeric id"),
  ])
  // String(number) gives the digits as published (820982911946154500), not the double's exact value (…496).
  .transform((id) => String(id));

/** A list that real payloads sometimes omit or send as null: read as an empty list. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((items) => items ?? []);
}

/** Parse outcome of the `parse*Payload` helpers; the error never contains field values (payloads carry PII). */
export type PayloadParseResult<T> = { success: true; data: T } | { success: false; error: ShopifyPayloadError };

export class ShopifyPayloadError extends Error {
  override readonly name = "ShopifyPayloadError";
  constructor(
    readonly payloadKind: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `invalid ${payloadKind} payload: ${issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("; ")}`,
    );
  }
}

export function parsePayload<T extends z.ZodType>(
  schema: T,
  payloadKind: string,
  json: unknown,
): PayloadParseResult<z.output<T>> {
  const result = schema.safeParse(json);
  if (result.success) return { success: true, data: result.data };
  const issues = result.error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return { success: false, error: new ShopifyPayloadError(payloadKind, issues) };
}
