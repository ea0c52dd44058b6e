import type { Database, OrderSync } from "~/db.server";
import { ConsentSchema } from "~/shopify/consent";

import { emptyKnownOrder, foldOrderEvent, type KnownOrder } from "./known-order";

/**
 * Folds every waiting inbox event of one order into its OrderSync record, oldest first, and marks
 * the events processed. Runs inside the order's serialised job; folding is idempotent, so a crash
 * between the two writes only folds the same events again.
 */
export async function foldPendingOrderEvents(
  db: Database,
  shop: string,
  orderId: string,
  now: () => Date,
): Promise<OrderSync | null> {
  const events = await db.webhookEvent.findMany({
    where: { shop, orderId, status: "RECEIVED" },
    orderBy: { receivedAt: "asc" },
  });
  const existing = await db.orderSync.findUnique({ where: { shop_orderId: { shop, orderId } } });
  if (events.length === 0) return existing;

  const known = existing ? knownOrderOf(existing) : emptyKnownOrder();
  const outcomes = events.map((event) => ({
    event,
    outcome: foldOrderEvent(known, {
      topic: event.topic,
      rawBody: event.payload,
      receivedAt: event.receivedAt,
      triggeredAt: event.triggeredAt,
    }),
  }));
  const facts = {
    orderName: known.orderName,
    customerId: known.customerId,
    orderJson: known.orderJson,
    orderUpdatedAt: known.orderUpdatedAt,
    paidAt: known.paidAt,
    fulfilledAt: known.fulfilledAt,
    cancelledAt: known.cancelledAt,
    refundsJson: JSON.stringify(known.refunds),
  };
  // Consent is only ever added by folding: a fold must not erase one the join route stored meanwhile.
  const consent = known.consent ? { consentJson: JSON.stringify(known.consent) } : {};
  const [record] = await db.$transaction([
    db.orderSync.upsert({
      where: { shop_orderId: { shop, orderId } },
      create: { shop, orderId, ...facts, ...consent },
      update: { ...facts, ...consent },
    }),
    ...outcomes.map(({ event, outcome }) =>
      db.webhookEvent.update({
        where: { id: event.id },
        data: outcome.applied
          ? { status: "PROCESSED", processedAt: now() }
          : { status: "INVALID", note: outcome.reason, processedAt: now() },
      }),
    ),
  ]);
  return record;
}

export function knownOrderOf(record: OrderSync): KnownOrder {
  return {
    orderName: record.orderName,
    customerId: record.customerId,
    orderJson: record.orderJson,
    orderUpdatedAt: record.orderUpdatedAt,
    paidAt: record.paidAt,
    fulfilledAt: record.fulfilledAt,
    cancelledAt: record.cancelledAt,
    refunds: parseRecord(record.refundsJson),
    consent: record.consentJson ? (ConsentSchema.safeParse(parseJson(record.consentJson)).data ?? null) : null,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseRecord(text: string): Record<string, unknown> {
  const value = parseJson(text);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
}
