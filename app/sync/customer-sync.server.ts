import type { CustomerLink, Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { Member } from "~/diller/schemas.server";
import { describeError, PermanentJobError, type JobHandler } from "~/jobs/queue";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import { parseCustomerPayload, type ShopifyCustomer } from "~/shopify/payloads/customer";
import { parseShopifyJson } from "~/shopify/payloads/json";
import { findShop, syncBlocker } from "~/shops/shop.server";

import { recordActivity } from "./activity.server";
import type { MemberChanged } from "./customer-facts.server";
import { memberIsGone } from "./member-gone.server";
import { memberChangesFromCustomer, profileHash } from "./customer-profile";
import { splitE164, toE164 } from "./phone";

export interface CustomerSyncDeps {
  db: Database;
  dillerFor: (shop: Shop) => DillerClient;
  admin: ShopifyAdminGateway;
  /** After the customer was linked or registered, or its member profile changed. */
  memberChanged?: MemberChanged;
  now?: () => Date;
}

const UpdatedAt = (json: unknown): Date | null => {
  const value = typeof json === "object" && json !== null && "updated_at" in json ? json.updated_at : null;
  const date = typeof value === "string" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

function isActiveMember(member: Member): member is Member & { id: string } {
  return typeof member.id === "string" && member.id !== "" && member.consent?.gdpr_accepted === true;
}

/**
 * customers/create and customers/update. A customer without a Diller link is matched to a member by
 * email — only when Shopify has verified that email, because a link shows the member's points and
 * coupons to whoever holds the Shopify account. A phone match is never linked here: the shopper
 * confirms a phone with Diller's one-time code on the join page. Without a member, a customer who
 * consented to membership (customer metafield written by our join page) is registered. A linked
 * customer's profile changes are sent to Diller unless they hash like the last exchange (our own
 * writes echoing back).
 */
export function createCustomerSyncHandler({
  db,
  dillerFor,
  admin,
  memberChanged = async () => {},
  now = () => new Date(),
}: CustomerSyncDeps): JobHandler<"customer-sync"> {
  return async ({ shop, customerId }, context) => {
    const link = await foldPendingCustomerEvents(db, shop, customerId, now);
    if (!link?.customerJson) return;
    // A customer who left the program is neither relinked by email nor registered from a consent.
    if (link.state === "LEFT") return;
    const shopRow = await findShop(db, shop);
    const blocker = syncBlocker(shopRow);
    if (!shopRow || blocker) {
      await update(link, { state: link.memberId ? link.state : "SKIPPED", reason: `Not synced: ${blocker}` });
      return;
    }
    const parsed = parseCustomerPayload(parseShopifyJson(link.customerJson));
    if (!parsed.success) {
      await update(link, {
        state: "FAILED",
        reason: "The customer data from Shopify is unusable",
        lastError: parsed.error.message,
      });
      throw new PermanentJobError(parsed.error.message);
    }
    try {
      await syncCustomer(link, parsed.data, shopRow, dillerFor(shopRow));
      const after = await db.customerLink.findUnique({ where: { id: link.id } });
      if (after?.memberId && (after.memberId !== link.memberId || after.profileHash !== link.profileHash))
        await memberChanged(shopRow, customerId);
    } catch (error) {
      const final = error instanceof PermanentJobError || context.isFinalAttempt;
      await update(
        link,
        final
          ? { state: "FAILED", lastError: describeError(error), reason: "Could not sync the customer with Diller" }
          : { lastError: describeError(error) },
      );
      throw error;
    }
  };

  async function update(link: CustomerLink, data: Partial<Omit<CustomerLink, "id" | "shop" | "customerId">>) {
    await db.customerLink.update({ where: { id: link.id }, data });
  }

  async function syncCustomer(link: CustomerLink, customer: ShopifyCustomer, shopRow: Shop, diller: DillerClient) {
    const changes = memberChangesFromCustomer(customer);
    const hash = profileHash(changes);
    if (link.memberId) {
      if (link.profileHash === hash) return update(link, { state: "LINKED", reason: null, lastError: null });
      try {
        await diller.members.updateMember({ memberId: link.memberId, changes });
      } catch (error) {
        if (!(await memberIsGone(diller, error, link.memberId))) throw error;
        // Deleted in Diller: forget the link and treat the customer as not linked (decision 021).
        const reason = `The Diller member ${link.memberId} no longer exists in Diller; the link was removed`;
        await db.customerLink.updateMany({
          where: { shop: link.shop, memberId: link.memberId },
          data: { memberId: null, linkedBy: null, state: "NO_MEMBER", reason, profileHash: null },
        });
        await recordActivity(db, {
          shop: link.shop,
          kind: "MEMBER_UNLINKED",
          customerId: link.customerId,
          detail: reason,
          at: now(),
        });
        return syncCustomer({ ...link, memberId: null, linkedBy: null, profileHash: null }, customer, shopRow, diller);
      }
      await update(link, { state: "LINKED", profileHash: hash, reason: null, lastError: null });
      await recordActivity(db, { shop: link.shop, kind: "MEMBER_UPDATED", customerId: link.customerId, at: now() });
      return;
    }

    const email = customer.email?.trim();
    if (email && customer.verified_email === true) {
      const member = (await diller.members.findMembersByEmail(email)).find(isActiveMember);
      if (member) {
        // Linking adopts Diller's data as it is: Shopify changes flow from now on, nothing is overwritten now.
        await update(link, {
          memberId: member.id,
          linkedBy: "email",
          state: "LINKED",
          profileHash: hash,
          reason: null,
          lastError: null,
        });
        await recordActivity(db, { shop: link.shop, kind: "MEMBER_LINKED", customerId: link.customerId, at: now() });
        return;
      }
    }
    const phone = toE164(customer.phone ?? customer.default_address?.phone);
    if (phone && (await diller.members.findMembersByPhone(phone)).some(isActiveMember)) {
      return update(link, {
        state: "NO_MEMBER",
        reason: "A member with this phone exists: the shopper confirms it with a one-time code on the loyalty page",
      });
    }

    const consent = await admin.customerConsent(link.shop, link.customerId);
    if (!consent?.membership)
      return update(link, { state: "NO_MEMBER", reason: "No Diller member, and no membership consent" });
    const dillerPhone = splitE164(phone);
    if (!dillerPhone)
      return update(link, {
        state: "NO_MEMBER",
        reason: "Membership consent given, but no phone number in international format",
      });
    const member = await registerOrFind(diller, email, phone, {
      phone: dillerPhone,
      ...changes,
      consent: {
        gdpr_accepted: true,
        save_order_history: true,
        receive_email: consent.marketing,
        receive_sms: consent.marketing,
      },
      ...(shopRow.dillerDepartmentId ? { department_ids: [shopRow.dillerDepartmentId] } : {}),
      origin: { system_id: `shopify:${link.shop}`, channel: "OnlineStore" },
    });
    if (!member.id) throw new PermanentJobError("Diller registered the member but returned no member id");
    await update(link, {
      memberId: member.id,
      linkedBy: "registered",
      state: "LINKED",
      membershipConsent: true,
      marketingConsent: consent.marketing,
      profileHash: hash,
      reason: null,
      lastError: null,
    });
    await recordActivity(db, { shop: link.shop, kind: "MEMBER_REGISTERED", customerId: link.customerId, at: now() });
  }
}

/**
 * Registers the member; after any failure, whoever now holds the email or phone is the member the
 * failed attempt may have created (an answer lost after Diller applied it, decision 021).
 */
async function registerOrFind(
  diller: DillerClient,
  email: string | undefined,
  phone: string | null,
  request: Parameters<DillerClient["members"]["registerMember"]>[0],
): Promise<Member> {
  try {
    return await diller.members.registerMember(request);
  } catch (error) {
    const byEmail = email ? (await diller.members.findMembersByEmail(email)).find(isActiveMember) : undefined;
    const found =
      byEmail ?? (phone ? (await diller.members.findMembersByPhone(phone)).find(isActiveMember) : undefined);
    if (found) return found;
    throw error;
  }
}

/** Keeps the newest customer snapshot from the waiting events (by updated_at) and marks them processed. */
async function foldPendingCustomerEvents(
  db: Database,
  shop: string,
  customerId: string,
  now: () => Date,
): Promise<CustomerLink | null> {
  const events = await db.webhookEvent.findMany({
    where: { shop, customerId, status: "RECEIVED", topic: { in: ["CUSTOMERS_CREATE", "CUSTOMERS_UPDATE"] } },
    orderBy: { receivedAt: "asc" },
  });
  const existing = await db.customerLink.findUnique({ where: { shop_customerId: { shop, customerId } } });
  if (events.length === 0) return existing;
  let snapshot = existing?.customerJson ? { json: existing.customerJson, updatedAt: existing.customerUpdatedAt } : null;
  for (const event of events) {
    const updatedAt = UpdatedAt(safeParse(event.payload)) ?? event.triggeredAt ?? event.receivedAt;
    if (!snapshot?.updatedAt || updatedAt >= snapshot.updatedAt) snapshot = { json: event.payload, updatedAt };
  }
  const facts = { customerJson: snapshot?.json ?? null, customerUpdatedAt: snapshot?.updatedAt ?? null };
  const [link] = await db.$transaction([
    db.customerLink.upsert({
      where: { shop_customerId: { shop, customerId } },
      create: { shop, customerId, ...facts },
      update: facts,
    }),
    db.webhookEvent.updateMany({
      where: { id: { in: events.map((event) => event.id) } },
      data: { status: "PROCESSED", processedAt: now() },
    }),
  ]);
  return link;
}

function safeParse(text: string): unknown {
  try {
    return parseShopifyJson(text);
  } catch {
    return null;
  }
}
