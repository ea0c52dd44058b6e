import { z } from "zod";

import type { Database, Shop } from "~/db.server";
import type { JobQueue } from "~/jobs/queue";
import { message } from "~/i18n/translate";
import type { Logger } from "~/logger.server";
import { retryOrderSyncs } from "~/sync/sync-status.server";

import { RETRYABLE_JOBS, retryDeadJob, retryFailedCustomer } from "./failed-work.server";
import type { FieldErrors } from "~/admin/forms";
import { prepareShopForExtensions, type ShopGraphql } from "~/admin/shop-setup.server";

export type DashboardActionResult =
  | { intent: "retry" | "retry-all-failed" | "retry-customer" | "retry-job"; retried: number; status: 200 }
  | { intent: "setup-extensions"; setup: { ok: boolean; error?: string }; status: 200 | 502 }
  | { intent: string; errors: FieldErrors; status: 422 };

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
): Promise<DashboardActionResult> {
  const parsed = ActionSchema.safeParse(fields);
  if (!parsed.success)
    return {
      intent: fields.intent ?? "unknown",
      errors: { orderId: message("dashboard.errors.orderId") },
      status: 422,
    };
  const action = parsed.data;
  const log = logger.child({ component: "admin", shop: shop.shop });
  switch (action.intent) {
    case "retry": {
      const retried = await retryOrderSyncs(db, queue, shop.shop, { orderIds: [action.orderId] });
      if (retried === 0)
        return { intent: "retry", errors: { orderId: message("dashboard.errors.orderId") }, status: 422 };
      log.info("order sync retried", { orderId: action.orderId });
      return { intent: "retry", retried, status: 200 };
    }
    case "retry-all-failed": {
      const retried = await retryOrderSyncs(db, queue, shop.shop, { allFailed: true });
      log.info("failed order syncs retried", { count: retried });
      return { intent: "retry-all-failed", retried, status: 200 };
    }
    case "retry-customer": {
      const retried = await retryFailedCustomer(db, queue, shop.shop, action.customerId);
      if (retried === 0)
        return {
          intent: "retry-customer",
          errors: { customerId: message("dashboard.errors.customerId") },
          status: 422,
        };
      log.info("customer sync retried", { customerId: action.customerId });
      return { intent: "retry-customer", retried, status: 200 };
    }
    case "retry-job": {
      const retried = await retryDeadJob(queue, shop.shop, action.name, action.subject);
      if (retried === 0)
        return { intent: "retry-job", errors: { subject: message("dashboard.errors.customerId") }, status: 422 };
      log.info("dead-lettered job run again", { name: action.name, subject: action.subject });
      return { intent: "retry-job", retried, status: 200 };
    }
    case "setup-extensions": {
      const setup = await prepareShopForExtensions({ db, graphql, logger: log }, shop.shop);
      return { intent: "setup-extensions", setup, status: setup.ok ? 200 : 502 };
    }
  }
}
