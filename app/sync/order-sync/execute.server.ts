import { OrderSyncProblem } from "./errors";
import { storeConsent } from "./afterwards.server";
import { cancelTransaction, postTransaction } from "./transactions.server";
import { matchCoupons, releaseReservations, reserveCoupons } from "./coupons.server";
import type { OrderFacts } from "./facts.server";
import { loadProducts, readStoreCurrency } from "./lookups.server";
import { resolveMember } from "./member.server";
import { settleRecord, skipped } from "./record.server";
import type { StepOutcome, StepRun } from "./run.server";
import type { OrderSyncStep } from "./steps";

/** Runs one step: the facts as they stand after it, and whether a Diller side effect awaits its progress write. */
export async function executeStep(step: OrderSyncStep, facts: OrderFacts, run: StepRun): Promise<StepOutcome> {
  switch (step.kind) {
    case "cancelTransaction":
      return cancelTransaction(facts, step, run);
    case "postTransaction":
      return postTransaction(facts, step, run);
    case "releaseReservations":
      return releaseReservations(facts, step, run);
    default:
      return { facts: await executeSaved(step, facts, run) };
  }
}

/** Steps that save what they change themselves. */
async function executeSaved(
  step: Exclude<OrderSyncStep, { kind: "cancelTransaction" | "postTransaction" | "releaseReservations" }>,
  facts: OrderFacts,
  run: StepRun,
): Promise<OrderFacts> {
  switch (step.kind) {
    case "readStoreCurrency":
      return readStoreCurrency(facts, run);
    case "resolveMember":
      return resolveMember(facts, run);
    case "matchCoupons":
      return matchCoupons(facts, step, run);
    case "loadProducts":
      return loadProducts(facts, step.variantIds, run);
    case "reserveCoupons":
      return reserveCoupons(facts, step, run);
    case "skip":
      await settleRecord(run.db, run.record, skipped(step.reason), run.now());
      return facts;
    case "wait":
      await settleRecord(run.db, run.record, { state: "PENDING", reason: step.reason }, run.now());
      return facts;
    case "settle":
      await settleRecord(run.db, run.record, step.settlement, run.now());
      return facts;
    case "fail":
      throw new OrderSyncProblem(step.reason, { cause: step.cause });
    case "notifyMember":
      await run.memberChanged(run.shopRow, step.customerId);
      return facts;
    case "storeConsent":
      return storeConsent(facts, step, run);
  }
}
