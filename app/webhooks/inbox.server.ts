import { isUniqueConstraintError, type Database, type WebhookEventStatus } from "~/db.server";

/** One verified webhook delivery as it reached the app. */
export interface WebhookDelivery {
  shop: string;
  /** Topic in Shopify's storage form, e.g. `ORDERS_PAID`. */
  topic: string;
  /** `X-Shopify-Event-Id`: shared by every delivery (and retry) of one event. */
  eventId?: string;
  /** `X-Shopify-Webhook-Id`: one delivery, stable across its retries. */
  webhookId: string;
  apiVersion: string;
  triggeredAt?: Date;
  rawBody: string;
  /** The order or customer the delivery is about (see app/webhooks/subjects.ts). */
  orderId?: string;
  customerId?: string;
}

export interface RecordedDelivery {
  id: string;
  duplicate: boolean;
  /** The stored event's status: a duplicate reports the status of the first delivery. */
  status: WebhookEventStatus;
}

/**
 * Stores a delivery once per (shop, topic, event). Shopify delivers at least once, so a repeat is
 * counted on the first record and reported as a duplicate instead of being stored again.
 */
export async function recordDelivery(
  db: Database,
  delivery: WebhookDelivery,
  outcome: { status: WebhookEventStatus; note?: string },
): Promise<RecordedDelivery> {
  const eventId = delivery.eventId ?? delivery.webhookId;
  try {
    const created = await db.webhookEvent.create({
      data: {
        shop: delivery.shop,
        topic: delivery.topic,
        eventId,
        webhookId: delivery.webhookId,
        apiVersion: delivery.apiVersion,
        triggeredAt: delivery.triggeredAt,
        payload: delivery.rawBody,
        status: outcome.status,
        note: outcome.note,
        orderId: delivery.orderId,
        customerId: delivery.customerId,
      },
      select: { id: true, status: true },
    });
    return { ...created, duplicate: false };
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    const existing = await db.webhookEvent.update({
      where: { shop_topic_eventId: { shop: delivery.shop, topic: delivery.topic, eventId } },
      data: { duplicates: { increment: 1 } },
      select: { id: true, status: true },
    });
    return { ...existing, duplicate: true };
  }
}

/** Shopify's header form (`orders/paid`) to the storage form the library reports (`ORDERS_PAID`). */
export function topicForStorage(headerTopic: string): string {
  return headerTopic.toUpperCase().replace(/[/.]/g, "_");
}
