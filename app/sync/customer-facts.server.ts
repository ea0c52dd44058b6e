import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { DillerNotFoundError } from "~/diller/errors.server";
import type { JobHandler, JobQueue } from "~/jobs/queue";
import type { LoyaltyFactsWriter } from "~/shopify/loyalty-facts.server";
import { findShop, syncBlocker } from "~/shops/shop.server";

/** Called after a member's points or profile may have changed for a customer (a transaction, a link). */
export type MemberChanged = (shop: Shop, customerId: string) => Promise<void>;

/**
 * Queues a refresh of the customer's loyalty facts when the merchant wants them on Shopify. Keyed
 * per customer, so a burst of orders costs one Diller read.
 */
export function memberChangedNotifier(queue: JobQueue): MemberChanged {
  return async (shop, customerId) => {
    if (!shop.loyaltyFactsOnCustomers) return;
    await queue.send("customer-facts", { shop: shop.shop, customerId });
  };
}

/**
 * The customer-facts job: reads the linked member from Diller and writes its id, points and level to
 * the customer's app metafields (and the level tag). Only linked customers: a member merely found by
 * an order's email is credited, but its points are not shown to whoever holds the Shopify account.
 */
export function createCustomerFactsHandler({
  db,
  dillerFor,
  facts,
}: {
  db: Database;
  dillerFor: (shop: Shop) => DillerClient;
  facts: LoyaltyFactsWriter;
}): JobHandler<"customer-facts"> {
  return async ({ shop, customerId }, { logger }) => {
    const shopRow = await findShop(db, shop);
    if (!shopRow || syncBlocker(shopRow) || !shopRow.loyaltyFactsOnCustomers) return;
    const link = await db.customerLink.findUnique({ where: { shop_customerId: { shop, customerId } } });
    if (!link?.memberId || link.state !== "LINKED") return;
    let member;
    try {
      member = await dillerFor(shopRow).members.getMember({ memberId: link.memberId });
    } catch (error) {
      // The next order or customer update finds out and clears the link; nothing to show meanwhile.
      if (error instanceof DillerNotFoundError) return logger.info("linked member not found in Diller", { customerId });
      throw error;
    }
    const detail = member.membership_detail;
    await facts.store(
      shop,
      customerId,
      { memberId: link.memberId, points: detail?.points ?? null, level: detail?.level_title?.trim() || null },
      { levelTags: shopRow.levelTags },
    );
  };
}
