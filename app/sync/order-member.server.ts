import { z } from "zod";

import { directSqlOf, modelRowsOf, type Database } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { DillerValidationError } from "~/diller/errors.server";
import type { Member } from "~/diller/schemas.server";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import type { LoyaltyConsent } from "~/shopify/consent";
import type { ShopifyOrder } from "~/shopify/payloads/order";

import { splitE164, toE164 } from "./phone";

export type MemberResolution =
  | { found: true; memberId: string; linkedBy: "link" | "email" | "phone" | "registered" }
  | { found: false; reason: string };

const Address = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    address1: z.string().nullish(),
    address2: z.string().nullish(),
    city: z.string().nullish(),
    zip: z.string().nullish(),
    province_code: z.string().nullish(),
    country_code: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .nullish()
  .catch(null);
const Addresses = z
  .object({ billing_address: Address, shipping_address: Address })
  .catch({ billing_address: null, shipping_address: null });

/** Why the orders of a customer who left the loyalty program are not booked. */
export const LEFT_PROGRAM_REASON = "the customer left the loyalty program";

export interface ResolveMemberInput {
  db: Database;
  diller: DillerClient;
  admin: ShopifyAdminGateway;
  shop: string;
  order: ShopifyOrder;
  /** The raw order JSON, for the addresses the mapping schema does not carry. */
  rawOrder: unknown;
  consent: LoyaltyConsent | null;
  /** Looks the consent up when `consent` is null and no member is found without it. */
  loadConsent?: () => Promise<LoyaltyConsent | null>;
  guestEnrollment: boolean;
  departmentId: string | null;
}

function isActiveMember(member: Member): member is Member & { id: string } {
  return typeof member.id === "string" && member.id !== "" && member.consent?.gdpr_accepted === true;
}

/**
 * Finds the Diller member an order belongs to: the customer's existing link, else a member with
 * the order's email, else with its phone. With none, a shopper who gave membership consent at
 * checkout is registered (only then: no enrolment without consent). Registration is not
 * idempotent in Diller, so it always follows a search: a re-run after a crash finds the member the
 * crashed attempt created instead of creating a second one.
 */
export async function resolveOrderMember(input: ResolveMemberInput): Promise<MemberResolution> {
  const { db, diller, shop, order } = input;
  const customerId = order.customer?.id ?? null;
  if (customerId) {
    // Without Prisma's query compiler: read for every order of a customer (docs/decisions/049).
    const [link] = modelRowsOf(
      "CustomerLink",
      await directSqlOf(db).query(`SELECT * FROM "CustomerLink" WHERE "shop" = ? AND "customerId" = ?`, [
        shop,
        customerId,
      ]),
    );
    // Leaving is final for the sync engine: no search, no registration, until they join again.
    if (link?.state === "LEFT") return { found: false, reason: LEFT_PROGRAM_REASON };
    if (link?.memberId) return { found: true, memberId: link.memberId, linkedBy: "link" };
  }

  const email = (order.email || order.customer?.email || "").trim();
  const addresses = Addresses.parse(input.rawOrder);
  const phone = [
    order.customer?.phone,
    order.phone,
    addresses.billing_address?.phone,
    addresses.shipping_address?.phone,
  ]
    .map(toE164)
    .find((value): value is string => value !== null);
  const existing = await searchMember(diller, email, phone);
  if (existing) return { found: true, ...existing };

  const consent = input.consent ?? (await input.loadConsent?.()) ?? null;
  if (!consent?.membership) return { found: false, reason: "no Diller member, and no membership consent was given" };
  if (!input.guestEnrollment)
    return { found: false, reason: "membership consent given, but guest enrollment is switched off" };
  const dillerPhone = splitE164(phone);
  if (!dillerPhone)
    return {
      found: false,
      reason: "membership consent given, but the order has no phone number in international format",
    };

  const address = addresses.billing_address ?? addresses.shipping_address;
  const firstName = order.customer?.first_name ?? address?.first_name ?? undefined;
  const lastName = order.customer?.last_name ?? address?.last_name ?? undefined;
  const request: Parameters<DillerClient["members"]["registerMember"]>[0] = {
    phone: dillerPhone,
    ...(firstName ? { first_name: firstName } : {}),
    ...(lastName ? { last_name: lastName } : {}),
    ...(email.includes("@") ? { email } : {}),
    ...(address?.address1
      ? {
          address: {
            street: [address.address1, address.address2].filter(Boolean).join(", "),
            city: address.city ?? undefined,
            zip_code: address.zip ?? undefined,
            state: address.province_code ?? undefined,
            country_code: address.country_code ?? undefined,
          },
        }
      : {}),
    consent: {
      gdpr_accepted: true,
      // Joining the programme is consent to keep its purchase history; marketing is separate.
      save_order_history: true,
      receive_email: consent.marketing,
      receive_sms: consent.marketing,
    },
    ...(input.departmentId ? { department_ids: [input.departmentId] } : {}),
    origin: {
      system_id: `shopify:${shop}`,
      channel: "OnlineStore",
      ...(input.departmentId ? { department_id: input.departmentId } : {}),
    },
  };
  let registered;
  try {
    registered = await diller.members.registerMember(request);
  } catch (error) {
    // The registration may have taken effect although it failed: a 502/504 or timeout (not re-sent),
    // or a 503 whose retry Diller refused as a duplicate because the first attempt did go through.
    // Whoever now holds the email or phone is the member; the purchase must not lose its points.
    const joined = await searchMember(diller, email, phone);
    if (joined) return { found: true, memberId: joined.memberId, linkedBy: "registered" };
    // E.g. the Diller store requires segment answers a checkout cannot ask for: retrying cannot help.
    if (!(error instanceof DillerValidationError)) throw error;
    const fields = Object.keys(error.fieldErrors);
    const detail = error.problem?.detail ?? error.problem?.title ?? error.message;
    return {
      found: false,
      reason: `Diller refused to register the member${fields.length ? ` (${fields.join(", ")})` : ""}: ${detail}`,
    };
  }
  if (!registered.id) return { found: false, reason: "Diller registered the member but returned no member id" };
  return { found: true, memberId: registered.id, linkedBy: "registered" };
}

/** An active member with the email, else with the phone (international format). */
async function searchMember(
  diller: DillerClient,
  email: string,
  phone: string | undefined,
): Promise<{ memberId: string; linkedBy: "email" | "phone" } | null> {
  if (email.includes("@")) {
    const member = (await diller.members.findMembersByEmail(email)).find(isActiveMember);
    if (member) return { memberId: member.id, linkedBy: "email" };
  }
  if (phone) {
    const member = (await diller.members.findMembersByPhone(phone)).find(isActiveMember);
    if (member) return { memberId: member.id, linkedBy: "phone" };
  }
  return null;
}

/** Remembers the customer ↔ member link found for an order, so the next order skips the search. */
export async function linkCustomer(
  db: Database,
  shop: string,
  customerId: string,
  memberId: string,
  linkedBy: string,
  consent: LoyaltyConsent | null,
) {
  const consentFields = consent ? { membershipConsent: consent.membership, marketingConsent: consent.marketing } : {};
  await db.customerLink.upsert({
    where: { shop_customerId: { shop, customerId } },
    create: { shop, customerId, memberId, linkedBy, state: "LINKED", ...consentFields },
    update: { memberId, linkedBy, state: "LINKED", reason: null, lastError: null, ...consentFields },
  });
}
