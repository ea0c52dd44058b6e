import { DillerNotFoundError, DillerValidationError } from "~/diller/errors.server";
import { dillerOrigin } from "~/loyalty/origin";
import { lineProductKeys, withLineStamps } from "~/loyalty/stamp-cards";

import { recordActivity } from "../activity.server";
import { OrderSyncProblem, problemText } from "./errors";
import type { OrderFacts } from "./facts.server";
import { usableOrder, type StepOutcome, type StepRun } from "./run.server";
import type { ActionStep, DesiredTransaction } from "./steps";
import { assumeDone } from "./transitions";

type Step<K extends string> = Extract<ActionStep, { kind: K }>;

/** Cancels the transaction standing for the order; "already cancelled" or "not found" leaves nothing to undo. */
export async function cancelTransaction(
  facts: OrderFacts,
  step: Step<"cancelTransaction">,
  run: StepRun,
): Promise<StepOutcome> {
  const { externalId, reason, origin } = step;
  const { logger } = run.context;
  try {
    const result = await run.diller.transactions.cancelTransaction({
      externalTransactionId: externalId,
      cancellation: {
        reason,
        origin: dillerOrigin(`shopify:${run.shopRow.shop}`, origin),
      },
    });
    if (result.is_ok === false)
      logger.info("Diller did not cancel (already cancelled?)", { externalId, details: result.details });
  } catch (error) {
    if (!(error instanceof DillerValidationError || error instanceof DillerNotFoundError)) throw error;
    logger.info("transaction already cancelled or unknown in Diller", { externalId });
  }
  const next = assumeDone(facts, step);
  const afterSaved = () =>
    recordActivity(run.db, {
      shop: facts.shop,
      kind: "TRANSACTION_CANCELLED",
      orderId: facts.orderId,
      externalId,
      amount: next.progress.posted[externalId]?.total,
      at: run.now(),
    });
  return { facts: next, unsaved: { afterSaved } };
}

/** Posts the transaction the order should have (with its stamps), keyed by its stable external id. */
export async function postTransaction(
  facts: OrderFacts,
  step: Step<"postTransaction">,
  run: StepRun,
): Promise<StepOutcome> {
  const desired = await withStamps(facts, step.desired, run);
  const posted = await createTransaction(step.memberId, desired, run);
  const next = assumeDone({ ...facts, now: run.now() }, step);
  const afterSaved = async () =>
    recordActivity(run.db, {
      shop: facts.shop,
      kind: desired.kind === "original" ? "TRANSACTION_SENT" : "REMAINDER_SENT",
      orderId: facts.orderId,
      externalId: desired.externalId,
      amount: posted.amounts.total,
      points: await estimatePoints(run, Number(posted.amounts.total)),
      detail: posted.body.coupon_codes.length ? `coupons: ${posted.body.coupon_codes.join(", ")}` : undefined,
      at: run.now(),
    });
  return { facts: { ...next, now: facts.now }, unsaved: { afterSaved } };
}

/** The stamps the lines collect on the store's product stamp cards (cancelled with the transaction). */
async function withStamps(facts: OrderFacts, desired: DesiredTransaction, run: StepRun): Promise<DesiredTransaction> {
  const rules = await run.store.stampRules(run.shopRow, run.diller);
  // Retried with the job: booking without the stamps would lose them for good.
  if (!rules) throw new Error("The Diller store's stamp cards could not be read");
  const body = withLineStamps(desired.mapped.body, rules, lineProductKeys(usableOrder(facts).order.line_items));
  return body === desired.mapped.body ? desired : { ...desired, mapped: { ...desired.mapped, body } };
}

async function createTransaction(memberId: string, desired: DesiredTransaction, run: StepRun) {
  const { body, amounts } = desired.mapped;
  const { logger } = run.context;
  try {
    const outcome = await run.diller.transactions.createTransaction({ memberId, transaction: body });
    if (outcome.outcome === "duplicate")
      logger.info("transaction already in Diller", { externalId: desired.externalId });
    return { body, amounts };
  } catch (error) {
    // A coupon used or expired elsewhere must not cost the member the purchase's points.
    if (error instanceof DillerValidationError && body.coupon_codes.length > 0 && mentionsCoupons(error)) {
      logger.warn("coupons refused by Diller; sending the purchase without them", { externalId: desired.externalId });
      const withoutCoupons = { ...body, coupon_codes: [] };
      await run.diller.transactions.createTransaction({ memberId, transaction: withoutCoupons });
      return { body: withoutCoupons, amounts };
    }
    if (error instanceof DillerValidationError)
      throw new OrderSyncProblem(`Diller refused the transaction: ${problemText(error)}`, { cause: error });
    throw error;
  }
}

function mentionsCoupons(error: DillerValidationError): boolean {
  return (
    Object.keys(error.fieldErrors).some((field) => /coupon/i.test(field)) || /coupon/i.test(error.problem?.detail ?? "")
  );
}

async function estimatePoints(run: StepRun, total: number): Promise<number | undefined> {
  const ratio = (await run.store.facts(run.shopRow, run.diller))?.pointsRatio ?? null;
  return ratio === null ? undefined : Math.round(total * ratio * 100) / 100;
}
