import type { Gender, MemberConsents, MemberProfile, PhoneInput } from "@diller/storefront-contract";

import type { components } from "@diller/diller-contract";
import type { Member } from "~/diller/schemas.server";
import type { ShopifyCustomer } from "~/shopify/payloads/customer";
import { splitE164 } from "~/sync/phone";

import type { MemberForm } from "./request-schemas";

type Schemas = components["schemas"];

const GENDER_TO_DILLER: Record<Gender, Schemas["Gender"]> = {
  male: "Male",
  female: "Female",
  non_binary: "NonBinary",
  not_shared: "NotShared",
};

const GENDER_FROM_DILLER: Partial<Record<string, Gender>> = {
  Male: "male",
  Female: "female",
  NonBinary: "non_binary",
  NotShared: "not_shared",
};

function genderOf(value: string | undefined): Gender | null {
  return value === undefined ? null : (GENDER_FROM_DILLER[value] ?? null);
}

function phoneOf(phone: Member["phone"]): PhoneInput | null {
  if (!phone?.number) return null;
  const countryCode = phone.country_code.startsWith("+") ? phone.country_code : `+${phone.country_code}`;
  return { countryCode, number: phone.number };
}

/** A Diller member's profile as the account page shows and edits it. */
export function profileOfMember(member: Member): MemberProfile {
  const address = member.address;
  return {
    firstName: member.first_name ?? "",
    lastName: member.last_name ?? "",
    email: member.email ?? "",
    phone: phoneOf(member.phone),
    birthDate: member.birth_date ? member.birth_date.slice(0, 10) : null,
    gender: genderOf(member.gender),
    address:
      address && (address.street || address.city || address.zip_code)
        ? {
            street: address.street ?? "",
            city: address.city ?? "",
            zipCode: address.zip_code ?? "",
            countryCode: address.country_code ?? "",
          }
        : null,
  };
}

export function consentsOfMember(member: Member): MemberConsents {
  return {
    membership: member.consent?.gdpr_accepted === true,
    marketingEmail: member.consent?.receive_email === true,
    marketingSms: member.consent?.receive_sms === true,
    keepOrderHistory: member.consent?.save_order_history === true,
  };
}

/** The join form's prefill from the Shopify customer's own record (the webhook snapshot). */
export function prefillOfCustomer(customer: ShopifyCustomer | null): Partial<MemberProfile> {
  if (!customer) return {};
  const address = customer.default_address ?? customer.addresses[0];
  const phone = splitE164(customer.phone ?? address?.phone);
  const street = [address?.address1, address?.address2].filter(Boolean).join(", ");
  return {
    ...(customer.first_name ? { firstName: customer.first_name } : {}),
    ...(customer.last_name ? { lastName: customer.last_name } : {}),
    ...(customer.email ? { email: customer.email } : {}),
    ...(phone ? { phone: { countryCode: phone.country_code, number: phone.number } } : {}),
    ...(street
      ? {
          address: {
            street,
            city: address?.city ?? "",
            zipCode: address?.zip ?? "",
            countryCode: address?.country_code ?? "",
          },
        }
      : {}),
  };
}

/** The profile and consents of the form as Diller's member fields (shared by register and update). */
export function memberFieldsOf(form: MemberForm) {
  const { profile, consents } = form;
  const address = profile.address;
  return {
    first_name: profile.firstName,
    last_name: profile.lastName,
    email: profile.email,
    ...(profile.birthDate ? { birth_date: `${profile.birthDate}T00:00:00Z` } : {}),
    ...(profile.gender ? { gender: GENDER_TO_DILLER[profile.gender] } : {}),
    ...(address && (address.street || address.city || address.zipCode)
      ? {
          address: {
            street: address.street,
            city: address.city,
            zip_code: address.zipCode,
            ...(address.countryCode ? { country_code: address.countryCode } : {}),
          },
        }
      : {}),
    consent: {
      gdpr_accepted: consents.membership,
      save_order_history: consents.keepOrderHistory,
      receive_email: consents.marketingEmail,
      receive_sms: consents.marketingSms,
    },
  } satisfies Schemas["UpdateMemberRequest"];
}

/** `+47 ••••••01`: enough for the shopper to recognise their number, too little to learn someone's. */
export function maskPhone(phone: PhoneInput | { country_code: string; number: string }): string {
  const countryCode = "countryCode" in phone ? phone.countryCode : phone.country_code;
  const digits = phone.number.replace(/\D/g, "");
  const visible = digits.slice(-2);
  return `${countryCode} ${"•".repeat(Math.max(0, digits.length - visible.length))}${visible}`;
}
