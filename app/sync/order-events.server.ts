import { directSqlOf, insertRow, modelRowsOf, updateRows, type Database, type OrderSync } from "~/db.server";
import { ConsentSchema } from "~/shopify/consent";

import { emptyKnownOrder, foldOrderEvent, type KnownOrder } from "./known-order";

/** An order's waiting inbox events and its record, read together before a fold. */
export interface PendingOrderEvents {
  shop: string;
  orderId: string;
  events: { id: string; topic: string; payload: string; receivedAt: Date; triggeredAt: Date | null }[];
  existing: OrderSync | null;
}

/**
 * Reads what a fold needs, both at once: the order's waiting events, oldest first, and its record.
 * The fold's statements skip Prisma's query compiler: they run for every order (docs/decisions/049).
 */
export async function readPendingOrderEvents(db: Database, shop: string, orderId: string): Promise<PendingOrderEvents> {
  const sql = directSqlOf(db);
  const [events, records] = await Promise.all([
    sql.query(
      `SELECT * FROM "WebhookEvent" WHERE "shop" = ? AND "orderId" = ? AND "status" = 'RECEIVED' ORDER BY "receivedAt" ASC`,
      [shop, orderId],
    ),
    sql.query(`SELECT * FROM "OrderSync" WHERE "shop" = ? AND "orderId" = ?`, [shop, orderId]),
  ]);
  return {
    shop,
    orderId,
    events: modelRowsOf("WebhookEvent", events),
    existing: modelRowsOf("OrderSync", records)[0] ?? null,
  };
}

/**
 * Folds every waiting inbox event of one order into its OrderSync record, oldest first, and marks
 * the events processed. Runs inside the order's serialised job. No transaction: the record is written
 * first and the events marked after it, and folding is idempotent, so a crash between the two writes
 * only folds the same events again (a transaction would cost two more round trips on every order).
 * With `countAttempt`, the run's attempt is counted in the same write (in a write of its own only
 * when there is nothing to fold), and only the facts that changed are written: an unchanged order
 * snapshot is not sent to the database again.
 */
export async function foldPendingOrderEvents(
  db: Database,
  { shop, orderId, events, existing }: PendingOrderEvents,
  now: () => Date,
  { countAttempt }: { countAttempt: boolean },
): Promise<OrderSync | null> {
  const increment = countAttempt ? { attempts: 1 } : {};
  const update = async (set: Partial<FoldedFacts>) =>
    (await updateRows(db, "OrderSync", { set, increment, where: { shop, orderId }, returning: true }))[0] ?? null;
  if (events.length === 0) return existing && countAttempt ? update({}) : existing;

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
  const record = existing
    ? await update(changedFacts(existing, facts))
    : await insertRow(db, "OrderSync", { shop, orderId, ...facts, attempts: countAttempt ? 1 : 0 });
  const processedAt = now();
  const applied = outcomes.filter(({ outcome }) => outcome.applied).map(({ event }) => event.id);
  await Promise.all([
    applied.length > 0 &&
      directSqlOf(db).query(
        `UPDATE "WebhookEvent" SET "status" = 'PROCESSED', "processedAt" = ? WHERE "shop" = ? AND "id" IN (${applied.map(() => "?").join(", ")})`,
        [processedAt, shop, ...applied],
      ),
    ...outcomes.map(
      ({ event, outcome }) =>
        !outcome.applied &&
        updateRows(db, "WebhookEvent", {
          set: { status: "INVALID", note: outcome.reason, processedAt },
          where: { shop, id: event.id },
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
