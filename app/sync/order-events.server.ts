import type { Database, OrderSync } from "~/db.server";
import { ConsentSchema } from "~/shopify/consent";

import { emptyKnownOrder, foldOrderEvent, type KnownOrder } from "./known-order";

/** The columns of a waiting event the fold reads. */
const FOLDED_EVENT = { id: true, topic: true, payload: true, receivedAt: true, triggeredAt: true } as const;

/**
 * Folds every waiting inbox event of one order into its OrderSync record, oldest first, and marks
 * the events processed. Runs inside the order's serialised job; folding is idempotent, so a crash
 * between the two writes only folds the same events again. With `countAttempt`, the run's attempt
 * is counted in the same write (in a write of its own only when there is nothing to fold), and only
 * the facts that changed are written: an unchanged order snapshot is not sent to the database again.
 */
export async function foldPendingOrderEvents(
  db: Database,
  shop: string,
  orderId: string,
  now: () => Date,
  { countAttempt }: { countAttempt: boolean },
): Promise<OrderSync | null> {
  const events = await db.webhookEvent.findMany({
    where: { shop, orderId, status: "RECEIVED" },
    orderBy: { receivedAt: "asc" },
    select: FOLDED_EVENT,
  });
  const where = { shop_orderId: { shop, orderId } };
  const existing = await db.orderSync.findUnique({ where });
  const attempt = countAttempt ? { attempts: { increment: 1 } } : {};
  if (events.length === 0) return existing && countAttempt ? db.orderSync.update({ where, data: attempt }) : existing;

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
  const facts: FoldedFacts = {
    orderName: known.orderName,
    customerId: known.customerId,
    orderJson: known.orderJson,
    orderUpdatedAt: known.orderUpdatedAt,
    paidAt: known.paidAt,
    fulfilledAt: known.fulfilledAt,
    cancelledAt: known.cancelledAt,
    refundsJson: JSON.stringify(known.refunds),
    // Consent is only ever added by folding: a fold must not erase one the join route stored meanwhile.
    ...(known.consent ? { consentJson: JSON.stringify(known.consent) } : {}),
  };
  const [record] = await db.$transaction([
    existing
      ? db.orderSync.update({ where, data: { ...changedFacts(existing, facts), ...attempt } })
      : db.orderSync.create({ data: { shop, orderId, ...facts, attempts: countAttempt ? 1 : 0 } }),
    ...outcomes.map(({ event, outcome }) =>
      db.webhookEvent.update({
        where: { id: event.id },
        data: outcome.applied
          ? { status: "PROCESSED", processedAt: now() }
          : { status: "INVALID", note: outcome.reason, processedAt: now() },
        select: { id: true },
      }),
    ),
  ]);
  return record;
}

/** The OrderSync columns a fold writes; consent only when the events carried one. */
const FOLDED_COLUMNS = [
  "orderName",
  "customerId",
  "orderJson",
  "orderUpdatedAt",
  "paidAt",
  "fulfilledAt",
  "cancelledAt",
  "refundsJson",
  "consentJson",
] as const satisfies readonly (keyof OrderSync)[];
type FoldedFacts = Omit<Pick<OrderSync, (typeof FOLDED_COLUMNS)[number]>, "consentJson"> & { consentJson?: string };

/** The folded facts that differ from the record's. */
function changedFacts(record: OrderSync, facts: FoldedFacts): Partial<FoldedFacts> {
  const changed: Partial<FoldedFacts> = {};
  const compare = <K extends keyof FoldedFacts>(key: K) => {
    const value = facts[key];
    if (value !== undefined && !sameValue(value, record[key])) changed[key] = value;
  };
  for (const key of FOLDED_COLUMNS) compare(key);
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
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
