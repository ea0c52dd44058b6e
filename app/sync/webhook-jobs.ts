import type { JobName } from "~/jobs/definitions";

/**
 * Which job processes a stored delivery of each topic. Order and refund events go to the order's own
 * serialised job, customer events to the customer's; everything else (app lifecycle, compliance) is
 * processed event by event. Each webhook route names its job too; app/routes/webhooks.test.ts keeps
 * the two in step.
 */
export const webhookTopicJobs = {
  ORDERS_CREATE: "order-sync",
  ORDERS_PAID: "order-sync",
  ORDERS_CANCELLED: "order-sync",
  ORDERS_FULFILLED: "order-sync",
  ORDERS_UPDATED: "order-sync",
  REFUNDS_CREATE: "order-sync",
  CUSTOMERS_CREATE: "customer-sync",
  CUSTOMERS_UPDATE: "customer-sync",
  CUSTOMERS_DATA_REQUEST: "inbox-process",
  CUSTOMERS_REDACT: "inbox-process",
  SHOP_REDACT: "inbox-process",
  APP_UNINSTALLED: "inbox-process",
  APP_SCOPES_UPDATE: "inbox-process",
} as const satisfies Record<string, JobName>;

/** The job for a topic; a topic the table does not name is processed on its own. */
export function webhookJobOf(topic: string): JobName {
  const jobs: Readonly<Record<string, JobName>> = webhookTopicJobs;
  return Object.hasOwn(jobs, topic) ? (jobs[topic] ?? "inbox-process") : "inbox-process";
}

/** Hands a stored delivery to the job that will process it (best effort: a sweeper retries). */
export type DispatchWebhook = (event: {
  id: string;
  shop: string;
  topic: string;
  orderId?: string;
  customerId?: string;
}) => Promise<void>;
