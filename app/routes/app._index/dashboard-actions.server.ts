import { z } from "zod";

import { answer, invalid, type ActionResult } from "~/admin/action-result.server";

import type { Database, Shop } from "~/db.server";
import type { JobQueue } from "~/jobs/queue";
import { message } from "~/i18n/translate";
import type { Logger } from "~/logger.server";
import { retryOrderSyncs } from "~/sync/sync-status.server";

import { RETRYABLE_JOBS, retryDeadJob, retryFailedCustomer } from "./failed-work.server";
import type { FieldErrors } from "~/admin/forms";
import { prepareShopForExtensions, type ShopGraphql } from "~/shopify/shop-setup.server";

export type DashboardActionBody =
  | { intent: "retry" | "retry-all-failed" | "retry-customer" | "retry-job"; retried: number }
  | { intent: "setup-extensions"; setup: { ok: boolean; error?: string } }
  | { intent: string; errors: FieldErrors };

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), orderId: z.string().regex(/^\d{1,20}$/) }),
  z.object({ intent: z.literal("retry-all-failed") }),
  z.object({ intent: z.literal("setup-extensions") }),
  z.object({ intent: z.literal("retry-customer"), customerId: z.string().regex(/^\d{1,20}$/) }),
  z.object({
    intent: z.literal("retry-job"),
    name: z.enum(RETRYABLE_JOBS),
    subject: z
      .string()
      .regex(/^\d{0,20}$/)
      .default(""),
  }),
]);

/** Retry one order, retry every failed order, or run the extension setup again. */
export async function dashboardAction(
  { db, queue, logger }: { db: Database; queue: JobQueue; logger: Logger },
  shop: Shop,
  fields: Record<string, string>,
  graphql: ShopGraphql,
): Promise<ActionResult<DashboardActionBody>> {
  const parsed = ActionSchema.safeParse(fields);
  if (!parsed.success) return invalid({ orderId: message("dashboard.errors.orderId") }, fields.intent ?? "unknown");
  const action = parsed.data;
  const log = logger.child({ component: "admin", shop: shop.shop });
  switch (action.intent) {
    case "retry": {
      const retried = await retryOrderSyncs(db, queue, shop.shop, { orderIds: [action.orderId] });
      if (retried === 0) return invalid({ orderId: message("dashboard.errors.orderId") }, "retry");
      log.info("order sync retried", { orderId: action.orderId });
      return answer(200, { intent: "retry", retried });
    }
    case "retry-all-failed": {
      const retried = await retryOrderSyncs(db, queue, shop.shop, { allFailed: true });
      log.info("failed order syncs retried", { count: retried });
      return answer(200, { intent: "retry-all-failed", retried });
    }
    case "retry-customer": {
      const retried = await retryFailedCustomer(db, queue, shop.shop, action.customerId);
      if (retried === 0) return invalid({ customerId: message("dashboard.errors.customerId") }, "retry-customer");
      log.info("customer sync retried", { customerId: action.customerId });
      return answer(200, { intent: "retry-customer", retried });
    }
    case "retry-job": {
      const retried = await retryDeadJob(queue, shop.shop, action.name, action.subject);
      if (retried === 0) return invalid({ subject: message("dashboard.errors.customerId") }, "retry-job");
      log.info("dead-lettered job run again", { name: action.name, subject: action.subject });
      return answer(200, { intent: "retry-job", retried });
    }
    case "setup-extensions": {
      const setup = await prepareShopForExtensions({ db, graphql, logger: log }, shop.shop);
      return answer(setup.ok ? 200 : 502, { intent: "setup-extensions", setup });
    }
  }
}
