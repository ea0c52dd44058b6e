import { directSqlOf, newRowId, type Database, type DirectSqlArg, type WebhookEventStatus } from "~/db.server";

import { recordDelivery, type RecordedDelivery, type WebhookDelivery } from "./inbox.server";

export type DeliveryOutcome = { status: WebhookEventStatus; note?: string };
export type RecordDelivery = (delivery: WebhookDelivery, outcome: DeliveryOutcome) => Promise<RecordedDelivery>;

interface Waiting {
  delivery: WebhookDelivery;
  outcome: DeliveryOutcome;
  resolve: (recorded: RecordedDelivery) => void;
  reject: (error: unknown) => void;
}

/** Rows per INSERT: 11 parameters each stays far below SQLite's and PostgreSQL's parameter limits. */
const MAX_BATCH = 200;

/**
 * Group commit for the inbox: deliveries that arrive while a write is under way (or in the same
 * turn of the event loop) are stored by ONE multi-row INSERT … ON CONFLICT DO NOTHING, and each
 * caller is answered when that statement has committed. Per delivery this saves a query compile
 * and a round trip, which were most of the acknowledgement's CPU. Semantics match recordDelivery:
 * one row per (shop, topic, event), a repeat (in the batch or stored earlier) counts as a duplicate
 * of the stored row. If the batch statement fails, every delivery of it is retried alone through
 * recordDelivery, so a bad row fails (or is kept as INVALID) on its own and the rest still land.
 */
export function createInboxBatcher(db: Database, now: () => number = Date.now): RecordDelivery {
  let pending: Waiting[] = [];
  let writing = false;

  async function flush() {
    if (writing || pending.length === 0) return;
    writing = true;
    const batch = pending.slice(0, MAX_BATCH);
    pending = pending.slice(MAX_BATCH);
    try {
      await writeBatch(db, batch, new Date(now()));
    } finally {
      writing = false;
      if (pending.length > 0) setImmediate(flush);
    }
  }

  return (delivery, outcome) =>
    new Promise<RecordedDelivery>((resolve, reject) => {
      pending.push({ delivery, outcome, resolve, reject });
      // The first waiting delivery schedules the write; later ones join it (or the next batch).
      if (!writing && pending.length === 1) setImmediate(flush);
    });
}

const keyOf = (delivery: WebhookDelivery) =>
  JSON.stringify([delivery.shop, delivery.topic, delivery.eventId ?? delivery.webhookId]);

async function writeBatch(db: Database, batch: Waiting[], receivedAt: Date) {
  const groups = new Map<string, Waiting[]>();
  for (const item of batch) {
    const key = keyOf(item.delivery);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const firsts = [...groups.values()].map((group) => group[0]).filter((item) => item !== undefined);
  let inserted: Map<string, { id: string; status: WebhookEventStatus }>;
  try {
    inserted = await insertRows(db, firsts, receivedAt);
  } catch {
    // One statement, so nothing of it was stored: each delivery gets its own attempt and outcome.
    await Promise.all(
      batch.map((item) => recordDelivery(db, item.delivery, item.outcome).then(item.resolve, item.reject)),
    );
    return;
  }
  await Promise.all(
    [...groups].map(async ([key, group]) => {
      const stored = inserted.get(key);
      const repeats = stored ? group.slice(1) : group;
      if (stored) group[0]?.resolve({ ...stored, duplicate: false });
      if (repeats.length === 0) return;
      const first = repeats[0]?.delivery;
      if (!first) return;
      try {
        const existing = await db.webhookEvent.update({
          where: {
            shop_topic_eventId: { shop: first.shop, topic: first.topic, eventId: first.eventId ?? first.webhookId },
          },
          data: { duplicates: { increment: repeats.length } },
          select: { id: true, status: true },
        });
        for (const item of repeats) item.resolve({ ...existing, duplicate: true });
      } catch (error) {
        for (const item of repeats) item.reject(error);
      }
    }),
  );
}

const COLUMNS = `"id", "shop", "topic", "eventId", "webhookId", "apiVersion", "triggeredAt", "receivedAt", "payload", "status", "note", "orderId", "customerId", "duplicates"`;
const ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";

/**
 * One INSERT for the batch, run without Prisma's query compiler: that compiler serialises every
 * parameter, and here they are whole order payloads (docs/decisions/047-direct-sql.md).
 */
async function insertRows(db: Database, items: Waiting[], receivedAt: Date) {
  const args: DirectSqlArg[] = items.flatMap(({ delivery, outcome }) => [
    newRowId(),
    delivery.shop,
    delivery.topic,
    delivery.eventId ?? delivery.webhookId,
    delivery.webhookId,
    delivery.apiVersion,
    delivery.triggeredAt ?? null,
    receivedAt,
    delivery.rawBody,
    outcome.status,
    outcome.note ?? null,
    delivery.orderId ?? null,
    delivery.customerId ?? null,
  ]);
  const returned = await directSqlOf(db).query(
    `INSERT INTO "WebhookEvent" (${COLUMNS}) VALUES ${items.map(() => ROW).join(", ")}
     ON CONFLICT ("shop", "topic", "eventId") DO NOTHING
     RETURNING "id", "shop", "topic", "eventId"`,
    args,
  );
  const byKey = new Map(items.map((item) => [keyOf(item.delivery), item.outcome.status]));
  const inserted = new Map<string, { id: string; status: WebhookEventStatus }>();
  for (const row of returned) {
    const key = JSON.stringify([row.shop, row.topic, row.eventId]);
    const status = byKey.get(key);
    if (status && typeof row.id === "string") inserted.set(key, { id: row.id, status });
  }
  return inserted;
}
