import type { JobName } from "~/jobs/definitions";

/**
 * What a webhook route accepts and what handles it, so a reader gets from the route to its
 * behaviour in one step. app/routes/webhooks.test.ts checks every route against sync's table.
 */
export interface WebhookRoute {
  /** The topics this endpoint stores; any other topic is kept as IGNORED. */
  topics: readonly string[];
  /**
   * The job that processes a stored delivery (app/sync/webhook-jobs.ts): its handler is the folder
   * app/sync/<job>/ or the module app/sync/<job>.server.ts.
   */
  job: JobName;
  /** Also handled at receipt, before the job runs: app/webhooks/app-lifecycle.server.ts. */
  immediately?: "app-lifecycle";
}
