import type { Database } from "~/db.server";
import type { Logger } from "~/logger.server";

import type { DispatchWebhook } from "./webhook-jobs";

/** A stored event still waiting after this long has probably lost its job (crash between store and enqueue). */
export const SWEEP_AFTER_MS = 2 * 60 * 1000;
const SWEEP_BATCH = 500;

/** Dispatches inbox events that are still RECEIVED long after arriving. Returns how many. */
export async function sweepInbox({
  db,
  dispatch,
  logger,
  now = new Date(),
}: {
  db: Database;
  dispatch: DispatchWebhook;
  logger: Logger;
  now?: Date;
}): Promise<number> {
  const stale = await db.webhookEvent.findMany({
    where: { status: "RECEIVED", receivedAt: { lt: new Date(now.getTime() - SWEEP_AFTER_MS) } },
    orderBy: { receivedAt: "asc" },
    take: SWEEP_BATCH,
    select: { id: true, shop: true, topic: true, orderId: true, customerId: true },
  });
  for (const event of stale) {
    await dispatch({
      id: event.id,
      shop: event.shop,
      topic: event.topic,
      orderId: event.orderId ?? undefined,
      customerId: event.customerId ?? undefined,
    });
  }
  if (stale.length > 0) logger.warn("re-dispatched waiting webhook events", { count: stale.length });
  return stale.length;
}
