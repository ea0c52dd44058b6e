import { z } from "zod";

import { isCalendarDate } from "./segments";

/**
 * zod schemas of the account routes' bodies (packages/storefront-contract), mirroring the form's own
 * checks. Every message is a contract `FieldErrorCode`, so each refused field reaches the extension
 * with its code ("profile.email" → "invalid_email"); a missing field reads as "required".
 */

const text = (max: number) => z.string().trim().max(max, "too_long");
const requiredText = (max: number) => text(max).min(1, "required");

export const PhoneInputSchema = z.object({
  countryCode: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{0,3}$/, "invalid_phone"),
  number: z
    .string()
    .transform((value) => value.replace(/[\s\-.()]/g, ""))
    .pipe(z.string().regex(/^\d{4,14}$/, "invalid_phone")),
});

const AddressSchema = z.object({
  street: text(200),
  city: text(100),
  zipCode: text(20),
  countryCode: z
    .string()
    .trim()
    .regex(/^([A-Za-z]{2})?$/, "invalid_option")
    .transform((code) => code.toUpperCase()),
});

const BirthDate = z
  .string()
  .trim()
  .refine(isCalendarDate, "invalid_date")
  .refine((value) => value >= "1900-01-01" && new Date(`${value}T00:00:00Z`).getTime() <= Date.now(), "invalid_date");

export const MemberProfileSchema = z.object({
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: z.string().trim().max(254, "too_long").pipe(z.email("invalid_email")),
  phone: PhoneInputSchema.nullable(),
  birthDate: BirthDate.nullable(),
  gender: z.enum(["male", "female", "non_binary", "not_shared"], "invalid_option").nullable(),
  address: AddressSchema.nullable(),
});

const SegmentAnswerSchema = z.object({
  id: z.string().max(20, "too_long"),
  value: z.string().max(2000, "too_long").optional(),
  optionIds: z.array(z.string().max(20, "too_long")).max(100, "too_long").optional(),
});

export const ConsentsSchema = z.object({
  membership: z.boolean().refine((accepted) => accepted, "must_accept"),
  marketingEmail: z.boolean(),
  marketingSms: z.boolean(),
  keepOrderHistory: z.boolean(),
});

/** POST /api/account/join and /api/account/profile. Joining needs a phone (Diller requires one). */
export const MemberFormSchema = z.object({
  profile: MemberProfileSchema,
  segments: z.array(SegmentAnswerSchema).max(100, "too_long"),
  consents: ConsentsSchema,
  textVersion: z.number().int().min(0),
});
export type MemberForm = z.output<typeof MemberFormSchema>;

export const JoinSchema = MemberFormSchema.superRefine((form, context) => {
  if (!form.profile.phone) context.addIssue({ code: "custom", path: ["profile", "phone"], message: "required" });
});

/** A code as typed; anything that is not 4–8 digits counts as a wrong try without asking Diller. */
export const OtpVerifySchema = z.object({ code: z.string().trim().min(1, "required").max(16, "too_long") });

export const PhoneChangeStartSchema = z.object({ phone: PhoneInputSchema });
export const PhoneChangeConfirmSchema = z.object({
  phone: PhoneInputSchema,
  code: z.string().trim().min(1, "required").max(16, "too_long"),
});

export const LeaveSchema = z.object({
  confirm: z.literal(true, "must_accept"),
  reason: text(500).optional(),
});

/** `gid://shopify/Order/…` or `gid://shopify/OrderIdentity/…` → the numeric id OrderSync stores. */
export const OrderIdSchema = z
  .string()
  .regex(/^gid:\/\/shopify\/(Order|OrderIdentity)\/\d{1,20}$/, "invalid_option")
  .transform((gid) => gid.slice(gid.lastIndexOf("/") + 1));
