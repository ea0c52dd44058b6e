import type { OrderFacts } from "./facts.server";
import type { ActionStep } from "./steps";

/**
 * What a step's success changes in the facts. The plan looks ahead with these, and the executors
 * apply the same transitions once Diller has answered, so a plan and its run cannot disagree.
 */
export function assumeDone(facts: OrderFacts, step: ActionStep): OrderFacts {
  const { progress } = facts;
  switch (step.kind) {
    case "reserveCoupons":
      return { ...facts, progress: { ...progress, reserved: [...progress.reserved, ...step.codes] } };
    case "cancelTransaction":
      return {
        ...facts,
        pointsChanged: true,
        progress: { ...progress, live: undefined, cancelled: [...progress.cancelled, step.externalId] },
      };
    case "postTransaction": {
      const { externalId, mapped } = step.desired;
      const posted = { ...progress.posted, [externalId]: { total: mapped.amounts.total, at: facts.now.toISOString() } };
      return { ...facts, pointsChanged: true, progress: { ...progress, live: externalId, posted } };
    }
    case "releaseReservations":
      return { ...facts, progress: { ...progress, released: true } };
  }
}
