import type { JobQueue } from "~/jobs/queue";
import type { DispatchWebhook } from "~/webhooks/receive.server";

import { CUSTOMER_TOPICS, ORDER_TOPICS } from "./subjects";

/**
 * Routes a stored webhook to its job. Order and refund events go to the order's own serialised
 * job, which folds every waiting event of that order into its facts; customer events likewise;
 * everything else (app lifecycle, compliance) is processed event by event.
 */
export function createWebhookDispatcher(queue: JobQueue): DispatchWebhook {
  return async ({ id, shop, topic, orderId, customerId }) => {
    if ((ORDER_TOPICS.includes(topic) || topic === "REFUNDS_CREATE") && orderId) {
      await queue.send("order-sync", { shop, orderId });
    } else if (CUSTOMER_TOPICS.includes(topic) && customerId) {
      await queue.send("customer-sync", { shop, customerId });
    } else {
      await queue.send("inbox-process", { eventId: id });
    }
  };
}
