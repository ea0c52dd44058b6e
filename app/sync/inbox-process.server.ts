import type { Database } from "~/db.server";
import type { JobHandler, JobQueue } from "~/jobs/queue";
import { parseShopifyJson } from "~/shopify/payloads/json";
import { recordUninstall } from "~/shops/shop.server";

import {
  CustomerRedactPayload,
  DataRequestPayload,
  exportCustomerData,
  redactCustomer,
  redactShop,
} from "./compliance.server";

/**
 * Processes one inbox event that is not about a single order or customer's sync: app lifecycle
 * and the compliance topics. Idempotent: an event is only processed while RECEIVED.
 */
export function createInboxProcessor({
  db,
  queue,
  now = () => new Date(),
}: {
  db: Database;
  queue: JobQueue;
  now?: () => Date;
}): JobHandler<"inbox-process"> {
  return async ({ eventId }, { logger }) => {
    const event = await db.webhookEvent.findUnique({ where: { id: eventId } });
    if (!event || event.status !== "RECEIVED") return;
    const payload = parseShopifyJson(event.payload);
    const finish = (status: "PROCESSED" | "INVALID" | "IGNORED", note?: string) =>
      db.webhookEvent.update({ where: { id: event.id }, data: { status, note, processedAt: now() } });

    switch (event.topic) {
      case "APP_UNINSTALLED": {
        await recordUninstall(db, event.shop, event.triggeredAt ?? now());
        const cancelled = await queue.cancelShopJobs(event.shop);
        logger.info("shop uninstalled: jobs cancelled", { shop: event.shop, cancelled });
        return void (await finish("PROCESSED"));
      }
      case "CUSTOMERS_DATA_REQUEST": {
        const parsed = DataRequestPayload.safeParse(payload);
        if (!parsed.success) return void (await finish("INVALID", "data request without customer id"));
        await exportCustomerData(db, event.shop, parsed.data);
        return void (await finish("PROCESSED", "export stored for the merchant"));
      }
      case "CUSTOMERS_REDACT": {
        const parsed = CustomerRedactPayload.safeParse(payload);
        if (!parsed.success) return void (await finish("INVALID", "redact request without customer id"));
        // The redact request itself names the customer: it goes too, once processed.
        await redactCustomer(db, event.shop, parsed.data);
        await db.webhookEvent.deleteMany({ where: { id: event.id } });
        return;
      }
      case "SHOP_REDACT": {
        await queue.cancelShopJobs(event.shop);
        await redactShop(db, event.shop);
        return;
      }
      default:
        return void (await finish("PROCESSED"));
    }
  };
}
