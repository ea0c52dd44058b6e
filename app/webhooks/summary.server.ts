import type { Database, WebhookEventStatus } from "~/db.server";

export type WebhookSummary = Record<WebhookEventStatus, number>;

/** Deliveries per status for one shop since a point in time. */
export async function summarizeWebhooks(db: Database, shop: string, since: Date): Promise<WebhookSummary> {
  const groups = await db.webhookEvent.groupBy({
    by: ["status"],
    where: { shop, receivedAt: { gte: since } },
    _count: { _all: true },
  });
  const summary: WebhookSummary = { RECEIVED: 0, PROCESSED: 0, IGNORED: 0, INVALID: 0, FAILED: 0 };
  for (const group of groups) summary[group.status] = group._count._all;
  return summary;
}
