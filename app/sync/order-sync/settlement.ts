import { assessOrderForBooking } from "~/loyalty/order-eligibility";
import type { ShopifyOrder } from "~/shopify/payloads/order";

import type { OrderFacts } from "./facts.server";
import type { OrderSyncSettings } from "./plan";
import type { AfterwardsStep, DesiredTransaction, Settlement } from "./steps";

/** Whether the order is to be booked now (its trigger met, not cancelled), and whether it is cancelled. */
export function bookingStatus(
  facts: OrderFacts,
  order: ShopifyOrder,
  settings: Pick<OrderSyncSettings, "orderTrigger">,
) {
  const cancelled = facts.cancelledInShopify || order.financial_status === "voided";
  const triggerMet =
    settings.orderTrigger === "FULFILLED" ? facts.fulfilled : facts.paid || assessOrderForBooking(order).bookable;
  return { bookable: triggerMet && !cancelled, cancelled };
}

interface Converged {
  memberId: string;
  desired: DesiredTransaction | null;
  bookable: boolean;
  cancelled: boolean;
  settings: Pick<OrderSyncSettings, "orderTrigger">;
}

/** The record the merchant sees once Diller agrees with the facts. */
export function settlement(
  facts: OrderFacts,
  { memberId, desired, bookable, cancelled, settings }: Converged,
): Settlement {
  const { progress } = facts;
  if (progress.live) {
    const live = progress.posted[progress.live];
    return {
      state: "SENT",
      reason: desired?.kind === "remainder" ? `Partially returned: the remainder was sent as ${progress.live}` : null,
      externalId: progress.live,
      totalSent: live?.total ?? null,
      currency: desired?.mapped.amounts.currency ?? facts.recordCurrency,
      sentAt: live ? new Date(live.at) : facts.now,
      memberId,
      progress,
    };
  }
  if (cancelled || progress.cancelled.length > 0 || (bookable && !desired)) {
    return {
      state: "CANCELLED",
      reason: cancelledReason(progress.cancelled.length > 0, cancelled),
      externalId: progress.cancelled.at(-1) ?? null,
      memberId,
      progress,
    };
  }
  const waitingFor = settings.orderTrigger === "FULFILLED" ? "fulfilment" : "payment";
  const coupons = (progress.couponCodes ?? []).length ? " (coupons reserved)" : "";
  return { state: "PENDING", reason: `Waiting for ${waitingFor}${coupons}`, memberId, progress };
}

function cancelledReason(sent: boolean, cancelledInShopify: boolean): string {
  if (sent)
    return cancelledInShopify
      ? "Cancelled in Shopify: the Diller transaction was cancelled"
      : "Fully returned: the Diller transaction was cancelled";
  return cancelledInShopify ? "Cancelled before it was sent" : "Fully returned before it was sent";
}

/**
 * After the record: the customer's loyalty facts are refreshed when points changed, and consent given
 * at checkout is recorded on the Shopify customer (last, so a Shopify outage never holds up the points).
 */
export function afterSettling(facts: OrderFacts): AfterwardsStep[] {
  const { progress, consent, order } = facts;
  const customerId = order.kind === "usable" ? order.order.customer?.id : undefined;
  if (!customerId) return [];
  const steps: AfterwardsStep[] = [];
  if (facts.pointsChanged) steps.push({ kind: "notifyMember", customerId });
  if (progress.linkedBy === "registered" && consent && progress.memberId && !progress.consentStoredOnShopify)
    steps.push({ kind: "storeConsent", customerId, memberId: progress.memberId, consent });
  return steps;
}
