import { createHash } from "node:crypto";

import type { components } from "@diller/diller-contract";
import type { ShopifyCustomer } from "~/shopify/payloads/customer";

type UpdateMemberRequest = components["schemas"]["UpdateMemberRequest"];

/**
 * The part of a Shopify customer that flows to the linked Diller member: name, email, address and
 * the email marketing choice. Phone is not here: Diller changes phones only through a verified
 * reset. A field Shopify left empty is not sent, so it never wipes what the member has in Diller,
 * and marketing consent is only sent when the payload states it (never inferred from absence).
 */
export function memberChangesFromCustomer(customer: ShopifyCustomer): UpdateMemberRequest {
  const address = customer.default_address ?? customer.addresses[0];
  const street = [address?.address1, address?.address2].filter(Boolean).join(", ");
  const marketing = customer.email_marketing_consent?.state;
  const changes: UpdateMemberRequest = {};
  if (customer.first_name) changes.first_name = customer.first_name;
  if (customer.last_name) changes.last_name = customer.last_name;
  if (customer.email) changes.email = customer.email;
  if (street) {
    changes.address = {
      street,
      ...(address?.city ? { city: address.city } : {}),
      ...(address?.zip ? { zip_code: address.zip } : {}),
      ...(address?.province_code ? { state: address.province_code } : {}),
      ...(address?.country_code ? { country_code: address.country_code } : {}),
    };
  }
  if (marketing === "subscribed" || marketing === "unsubscribed") {
    changes.consent = { receive_email: marketing === "subscribed" };
  }
  return changes;
}

/** Equal hashes mean nothing Diller cares about changed (e.g. our own tag or metafield write echoing back). */
export function profileHash(changes: UpdateMemberRequest): string {
  return createHash("sha256").update(stableJson(changes)).digest("hex").slice(0, 32);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
