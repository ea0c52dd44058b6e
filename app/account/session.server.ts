import type { CustomerLink, Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { Member } from "~/diller/schemas.server";
import { parseCustomerPayload, type ShopifyCustomer } from "~/shopify/payloads/customer";
import { parseShopifyJson } from "~/shopify/payloads/json";
import type { StorefrontContext } from "~/storefront/handler.server";
import { StorefrontHttpError } from "~/storefront/errors.server";
import { availableShop } from "~/storefront/shop-access.server";

/** One account request: the shop (connected and switched on), the customer from the token, their link. */
export interface AccountSession {
  shop: Shop;
  customerId: string;
  diller: DillerClient;
  link: CustomerLink | null;
}

export async function openAccount(
  { db, dillerFor }: { db: Database; dillerFor: (shop: Shop) => DillerClient },
  context: StorefrontContext,
): Promise<AccountSession> {
  const customerId = context.requireCustomer();
  const shop = await availableShop(db, context.shop);
  const link = await db.customerLink.findUnique({ where: { shop_customerId: { shop: shop.shop, customerId } } });
  return { shop, customerId, diller: dillerFor(shop), link };
}

/** The linked member's id; 409 `not_member` when the customer is not linked. */
export function requireMemberId(session: AccountSession): string {
  const memberId = linkedMemberIdOf(session.link);
  if (!memberId) throw new StorefrontHttpError("not_member");
  return memberId;
}

export function linkedMemberIdOf(link: CustomerLink | null): string | null {
  return link?.state === "LINKED" && link.memberId ? link.memberId : null;
}

/** The Shopify customer as the last customers/create|update webhook described it (null when none arrived). */
export function customerSnapshotOf(link: CustomerLink | null): ShopifyCustomer | null {
  if (!link?.customerJson) return null;
  try {
    const parsed = parseCustomerPayload(parseShopifyJson(link.customerJson));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function isActiveMember(member: Member): member is Member & { id: string } {
  return typeof member.id === "string" && member.id !== "" && member.consent?.gdpr_accepted === true;
}

/** Links the customer to a member: LINKED, with how and the consents, clearing any earlier leave. */
export async function linkCustomerToMember(
  db: Database,
  session: AccountSession,
  memberId: string,
  linkedBy: string,
  consents: { membership: boolean; marketing: boolean } | null,
): Promise<void> {
  const { shop, customerId } = session;
  const consentFields = consents
    ? { membershipConsent: consents.membership, marketingConsent: consents.marketing }
    : {};
  const fields = { memberId, linkedBy, state: "LINKED" as const, reason: null, lastError: null, leftAt: null };
  session.link = await db.customerLink.upsert({
    where: { shop_customerId: { shop: shop.shop, customerId } },
    create: { shop: shop.shop, customerId, ...fields, ...consentFields },
    update: { ...fields, ...consentFields },
  });
}
