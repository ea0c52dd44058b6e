import { describeError } from "~/jobs/queue";

import type { OrderFacts } from "./facts.server";
import { saveProgress, type StepRun } from "./run.server";
import type { AfterwardsStep } from "./steps";

type Step<K extends string> = Extract<AfterwardsStep, { kind: K }>;

/**
 * Records the consent given at checkout on the Shopify customer, retried with the job until it is
 * recorded; on the last attempt the failure is noted on the record instead of failing the order.
 */
export async function storeConsent(facts: OrderFacts, step: Step<"storeConsent">, run: StepRun) {
  const { logger, isFinalAttempt } = run.context;
  try {
    await run.admin.storeCustomerConsent(facts.shop, step.customerId, { ...step.consent, memberId: step.memberId });
    const progress = { ...facts.progress, consentStoredOnShopify: true };
    await saveProgress(run, progress);
    return { ...facts, progress };
  } catch (error) {
    const note = `The shopper's loyalty consent could not be recorded in Shopify yet: ${describeError(error)}`;
    await run.db.orderSync.update({ where: { id: run.record.id }, data: { lastError: note } });
    if (!isFinalAttempt) throw error;
    logger.error("consent not recorded in Shopify", { orderId: facts.orderId, error });
    return facts;
  }
}
