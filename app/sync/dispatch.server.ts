import type { JobQueue } from "~/jobs/queue";

import { webhookJobOf, type DispatchWebhook } from "./webhook-jobs";

/**
 * Routes a stored webhook to its job (see webhook-jobs.ts). Order and refund events go to the
 * order's own serialised job, which folds every waiting event of that order into its facts;
 * customer events likewise; everything else is processed event by event.
 */
export function createWebhookDispatcher(queue: JobQueue): DispatchWebhook {
  return async ({ id, shop, topic, orderId, customerId }) => {
    const job = webhookJobOf(topic);
    if (job === "order-sync" && orderId) {
      await queue.send("order-sync", { shop, orderId });
    } else if (job === "customer-sync" && customerId) {
      await queue.send("customer-sync", { shop, customerId });
    } else {
      await queue.send("inbox-process", { eventId: id });
    }
  };
}
