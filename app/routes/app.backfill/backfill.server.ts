import { z } from "zod";

import type { Backfill, Database, Shop } from "~/db.server";
import type { JobQueue } from "~/jobs/queue";
import { message, type Message } from "~/i18n/translate";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import { syncBlocker } from "~/shops/shop.server";
import { BackfillError, startBackfill } from "~/sync/backfill.server";

import { dayIn, startOfDay } from "~/admin/activity-series";
import type { FormResult } from "~/admin/forms";
import type { BackfillView } from "~/admin/views";

export const BackfillFormSchema = z.object({
  since: z.string({ error: "backfill.errors.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, "backfill.errors.date"),
});

/** How far back a backfill may reach. */
export const MAX_BACKFILL_DAYS = 3 * 365;

/**
 * The instant a "since" day starts in the shop's time zone, or null when the day is in the
 * future, impossible (2026-02-30) or further back than MAX_BACKFILL_DAYS.
 */
export function backfillStart(day: string, timeZone: string, now: Date): Date | null {
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return null;
  if (day > dayIn(now, timeZone)) return null;
  const start = startOfDay(day, timeZone);
  if (now.getTime() - start.getTime() > MAX_BACKFILL_DAYS * 24 * 60 * 60 * 1000) return null;
  return start;
}

const BLOCKER_MESSAGES: Record<string, Message> = {
  "the app is not installed on this shop": message("blocker.notInstalled"),
  "the app was uninstalled": message("blocker.uninstalled"),
  "Diller is not connected": message("blocker.notConnected"),
  "the integration is switched off": message("blocker.disabled"),
};

/** Why nothing can be sent right now, in the merchant's words (with what to do). */
export function blockerMessage(blocker: string): Message {
  return BLOCKER_MESSAGES[blocker] ?? message("blocker.other", { reason: blocker });
}

/**
 * Why a run stopped, for the merchant: a run cancelled by the sync blocker gets the blocker's
 * explanation; a failure keeps its technical detail (worth quoting to support).
 */
function stopMessage(run: Backfill): Message | null {
  if (!run.error) return null;
  if (run.state === "CANCELLED") return blockerMessage(run.error);
  return message("backfill.stoppedBecause", { reason: run.error });
}

export function backfillView(run: Backfill): BackfillView {
  const percent =
    run.state === "COMPLETED"
      ? 100
      : run.total && run.total > 0
        ? Math.min(100, Math.round((run.examined / run.total) * 100))
        : run.total === 0
          ? 100
          : null;
  return {
    id: run.id,
    state: run.state,
    since: run.since.toISOString(),
    total: run.total,
    examined: run.examined,
    enqueued: run.enqueued,
    percent,
    error: stopMessage(run),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    resumable: run.state === "FAILED" || run.state === "CANCELLED",
  };
}

export interface BackfillDeps {
  db: Database;
  queue: JobQueue;
  admin: ShopifyAdminGateway;
}

/** "Send paid orders since DATE": refuses while something blocks sending or another run is going. */
export async function startBackfillRun(deps: BackfillDeps, shop: Shop, since: Date): Promise<FormResult<Backfill>> {
  const blocker = syncBlocker(shop);
  if (blocker) return { ok: false, errors: { form: blockerMessage(blocker) } };
  try {
    return { ok: true, data: await startBackfill(deps, shop.shop, since) };
  } catch (error) {
    if (!(error instanceof BackfillError)) throw error;
    if (await deps.db.backfill.findFirst({ where: { shop: shop.shop, state: "RUNNING" } }))
      return { ok: false, errors: { form: message("backfill.errors.running") } };
    return { ok: false, errors: { form: message("blocker.other", { reason: error.message }) } };
  }
}

/** Continues a failed or cancelled run from its saved cursor; orders already queued are not queued again. */
export async function resumeBackfillRun(
  { db, queue }: Pick<BackfillDeps, "db" | "queue">,
  shop: Shop,
  backfillId: string,
): Promise<FormResult<Backfill>> {
  const blocker = syncBlocker(shop);
  if (blocker) return { ok: false, errors: { form: blockerMessage(blocker) } };
  const run = await db.backfill.findFirst({ where: { id: backfillId, shop: shop.shop } });
  if (!run || (run.state !== "FAILED" && run.state !== "CANCELLED"))
    return { ok: false, errors: { form: message("backfill.errors.notResumable") } };
  if (await db.backfill.findFirst({ where: { shop: shop.shop, state: "RUNNING" } }))
    return { ok: false, errors: { form: message("backfill.errors.running") } };
  const resumed = await db.backfill.update({
    where: { id: run.id },
    data: { state: "RUNNING", error: null, finishedAt: null },
  });
  await queue.send("backfill", { shop: shop.shop, backfillId: run.id });
  return { ok: true, data: resumed };
}
