import type { OrderSyncState } from "~/db.server";
import type { MappedTransaction } from "~/loyalty/order-to-transaction";
import type { Origin } from "~/loyalty/origin";
import type { LoyaltyConsent } from "~/shopify/consent";

import type { OrderProgress } from "../order-progress";

/** The live Diller transaction the order should have right now. */
export interface DesiredTransaction {
  externalId: string;
  kind: "original" | "remainder";
  mapped: MappedTransaction;
}

/** What the merchant's record of a converged order says: the member, the progress, the live transaction. */
export interface Settlement {
  state: OrderSyncState;
  reason: string | null;
  externalId?: string | null;
  totalSent?: string | null;
  currency?: string | null;
  sentAt?: Date;
  memberId?: string;
  progress?: OrderProgress;
}

/** Steps that learn something only Diller or Shopify knows; the plan stops at them and is made again. */
export type LookupStep =
  | { kind: "readStoreCurrency" }
  | { kind: "resolveMember" }
  | { kind: "matchCoupons"; memberId: string; codes: string[] }
  | { kind: "loadProducts"; variantIds: string[] };

/** Steps whose effect is known in advance (see ./transitions.ts). */
export type ActionStep =
  | { kind: "reserveCoupons"; memberId: string; codes: string[]; externalId: string; origin: Origin }
  | { kind: "cancelTransaction"; externalId: string; reason: string; origin: Origin }
  | { kind: "postTransaction"; memberId: string; desired: DesiredTransaction }
  | { kind: "releaseReservations"; memberId: string; codes: string[]; externalId: string };

/**
 * Steps that end the plan: the order is not sent (`skip`, SKIPPED), waits for its own data (`wait`,
 * PENDING), has converged (`settle`), or cannot be sent at all (`fail`, FAILED without retry).
 */
export type FinalStep =
  | { kind: "skip"; reason: string }
  | { kind: "wait"; reason: string }
  | { kind: "settle"; settlement: Settlement }
  | { kind: "fail"; reason: string; cause?: unknown };

/** Steps after settling, which never hold up the record the merchant sees. */
export type AfterwardsStep =
  | { kind: "notifyMember"; customerId: string }
  | { kind: "storeConsent"; customerId: string; memberId: string; consent: LoyaltyConsent };

export type OrderSyncStep = LookupStep | ActionStep | FinalStep | AfterwardsStep;

const LOOKUPS = new Set<OrderSyncStep["kind"]>(["readStoreCurrency", "resolveMember", "matchCoupons", "loadProducts"]);

const FINALS = new Set<OrderSyncStep["kind"]>(["skip", "wait", "settle", "fail"]);

export function isLookup(step: OrderSyncStep): step is LookupStep {
  return LOOKUPS.has(step.kind);
}

export function isFinal(step: OrderSyncStep): step is FinalStep {
  return FINALS.has(step.kind);
}
