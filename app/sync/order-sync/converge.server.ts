import { forgetDeletedMember, memberIsGone } from "../member-gone.server";
import { parseOrderProgress } from "../order-progress";
import { originSettingsOf } from "../origin-settings.server";
import { executeStep } from "./execute.server";
import { gatherOrderFacts } from "./facts.server";
import { planOrderSync } from "./plan";
import { saveProgress, type StepOutcome, type StepRun } from "./run.server";
import { isFinal } from "./steps";

/** Far more steps than an order needs: a run that does not settle is a bug, not a long order. */
const MAX_STEPS_PER_RUN = 32;

/** Converges; when the order's member turns out to be deleted in Diller, forgets it and converges once more. */
export async function convergeAfterDeletedMember(run: StepRun) {
  const trace: { memberId?: string } = {};
  try {
    await converge(run, trace);
  } catch (error) {
    const { memberId } = trace;
    if (!memberId || !(await memberIsGone(run.diller, error, memberId))) throw error;
    const { record } = run;
    const current = (await run.db.orderSync.findUnique({ where: { id: record.id } })) ?? record;
    const progress = parseOrderProgress(current.progressJson);
    await forgetDeletedMember({
      db: run.db,
      shop: record.shop,
      orderId: record.orderId,
      memberId,
      progress,
      at: run.now(),
    });
    run.context.logger.warn("the order's Diller member was deleted; resolving the member again", { memberId });
    const fresh = (await run.db.orderSync.findUnique({ where: { id: record.id } })) ?? current;
    await converge({ ...run, record: fresh }, {});
  }
}

/**
 * facts → plan → run the first step → plan again, until the plan ends; then what follows its end.
 * The progress a Diller side effect leaves unsaved is the next write: the settle's own when the
 * settle comes next (one write instead of two), a write of its own before any other step.
 */
async function converge(run: StepRun, trace: { memberId?: string }) {
  const originSettingsFor = (locationIds: string[]) => originSettingsOf(run.db, run.shopRow, locationIds);
  let last: StepOutcome = {
    facts: await gatherOrderFacts(run.record, originSettingsFor, run.context.logger, run.now()),
  };
  for (let stepsRun = 0; stepsRun < MAX_STEPS_PER_RUN; stepsRun++) {
    const { facts } = last;
    const [step, ...afterwards] = planOrderSync({ ...facts, now: run.now() }, run.shopRow);
    // The settlement carries the very progress the side effect left (./settlement.ts).
    const settleSaves = step?.kind === "settle" && step.settlement.progress === facts.progress;
    if (!settleSaves) await saveUnsaved(run, last);
    if (!step) return;
    trace.memberId = facts.progress.memberId;
    const outcome = await executeStep(step, facts, run);
    if (settleSaves) await last.unsaved?.afterSaved();
    last = outcome;
    if (isFinal(step)) {
      for (const later of afterwards) {
        last = await executeStep(later, last.facts, run);
        await saveUnsaved(run, last);
      }
      return;
    }
  }
  await saveUnsaved(run, last);
  throw new Error(`order ${run.record.orderId}: the order sync did not settle in ${MAX_STEPS_PER_RUN} steps`);
}

/** Saves the progress a side effect left unsaved, then what waited for it. */
async function saveUnsaved(run: StepRun, { facts, unsaved }: StepOutcome) {
  if (!unsaved) return;
  await saveProgress(run, facts.progress);
  await unsaved.afterSaved();
}
