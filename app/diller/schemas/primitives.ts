import { z } from "zod";

/** Building blocks for the contract schemas, with the leniency rules of ../schemas.server.ts. */

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

export function lenientEnum<const Known extends string>(_known: readonly Known[]) {
  return z.string().transform((value): LenientEnum<Known> => value);
}

/** Absent or null: both read as undefined. */
export function optional<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/** A top-level list; `null` reads as an empty list. */
export function list<Schema extends z.ZodType>(item: Schema) {
  return z.preprocess((value) => (value === null ? [] : value), z.array(item));
}

export const text = () => optional(z.string());
export const flag = () => optional(z.boolean());
export const numeric = () => optional(z.number());
export const strings = () => optional(z.array(z.string()));
export const integers = () => optional(z.array(z.number()));
