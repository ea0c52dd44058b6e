import { z } from "zod";

import { answer, invalid, unknownIntent, type ActionResult } from "~/admin/action-result.server";

import type { Shop } from "~/db.server";
import { safeTimeZone } from "~/i18n/format";
import { message } from "~/i18n/translate";
import { syncBlocker } from "~/shops/shop.server";
import { latestBackfill } from "~/sync/backfill.server";

import { dayIn } from "~/admin/activity-series";
import {
  backfillStart,
  BackfillFormSchema,
  backfillView,
  blockerMessage,
  resumeBackfillRun,
  startBackfillRun,
  type BackfillDeps,
} from "./backfill.server";
import { parseForm, type FieldErrors } from "~/admin/forms";
import type { BackfillView } from "~/admin/views";
import type { Message } from "~/i18n/translate";

const DEFAULT_LOOKBACK_DAYS = 30;

export interface BackfillData {
  latest: BackfillView | null;
  blocker: Message | null;
  /** Suggested "since" day (a month ago) and the latest allowed (today), in the shop's time zone. */
  suggestedSince: string;
  today: string;
}

export async function backfillData(
  { db }: Pick<BackfillDeps, "db">,
  shop: Shop,
  now = new Date(),
): Promise<BackfillData> {
  const timeZone = safeTimeZone(shop.timezone);
  const latest = await latestBackfill(db, shop.shop);
  const blocker = syncBlocker(shop);
  return {
    latest: latest ? backfillView(latest) : null,
    blocker: blocker ? blockerMessage(blocker) : null,
    suggestedSince: dayIn(new Date(now.getTime() - DEFAULT_LOOKBACK_DAYS * 24 * 60 * 60 * 1000), timeZone),
    today: dayIn(now, timeZone),
  };
}

export type BackfillActionBody =
  { intent: "start" | "resume"; run: BackfillView } | { intent: string; errors: FieldErrors };

const IntentSchema = z.enum(["start", "resume"]);

export async function backfillAction(
  deps: BackfillDeps,
  shop: Shop,
  fields: Record<string, string>,
  now = new Date(),
): Promise<ActionResult<BackfillActionBody>> {
  const intent = IntentSchema.safeParse(fields.intent);
  if (!intent.success) return unknownIntent();
  if (intent.data === "resume") {
    const resumed = await resumeBackfillRun(deps, shop, fields.backfillId ?? "");
    return resumed.ok
      ? answer(200, { intent: "resume", run: backfillView(resumed.data) })
      : invalid(resumed.errors, "resume");
  }
  const parsed = parseForm(BackfillFormSchema, fields);
  if (!parsed.ok) return invalid(parsed.errors, "start");
  const since = backfillStart(parsed.data.since, safeTimeZone(shop.timezone), now);
  if (!since) return invalid({ since: message("backfill.errors.date") }, "start");
  const started = await startBackfillRun(deps, shop, since);
  return started.ok
    ? answer(200, { intent: "start", run: backfillView(started.data) })
    : invalid(started.errors, "start");
}
