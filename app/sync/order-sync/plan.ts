import type { Shop } from "~/db.server";

import type { OrderFacts } from "./facts.server";
import { nextStep } from "./next-step";
import { afterSettling } from "./settlement";
import { isFinal, isLookup, type OrderSyncStep } from "./steps";
import { assumeDone } from "./transitions";

/** The merchant's settings the plan follows. */
export type OrderSyncSettings = Pick<
  Shop,
  "orderTrigger" | "includeShipping" | "currencyMismatch" | "dillerEnvironment" | "sendTestOrders"
>;

/** More steps than any order can need: a plan that does not settle is a bug, not a long order. */
const MAX_STEPS = 16;

/**
 * The steps that make Diller agree with what is known about the order, in order. Pure: it reads the
 * facts and returns data. It looks ahead through steps whose effect is known (./transitions.ts) and
 * stops at the first one whose outcome only Diller or Shopify knows (a lookup) or that ends the run.
 */
export function planOrderSync(facts: OrderFacts, settings: OrderSyncSettings): OrderSyncStep[] {
  const steps: OrderSyncStep[] = [];
  let state = facts;
  while (steps.length < MAX_STEPS) {
    const step = nextStep(state, settings);
    steps.push(step);
    if (step.kind === "settle") return [...steps, ...afterSettling(state)];
    if (isFinal(step) || isLookup(step)) return steps;
    state = assumeDone(state, step);
  }
  throw new Error(`The order-sync plan for order ${facts.orderId} does not settle`);
}
