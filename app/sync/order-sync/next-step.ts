import type { Origin } from "~/loyalty/origin";
import type { ShopifyOrder } from "~/shopify/payloads/order";

import { currencySkipReason } from "../currency";
import { orderExternalId } from "../order-progress";
import { testOrderSkipReason } from "../test-orders";
import { desiredTransaction } from "./desired";
import type { OrderFacts } from "./facts.server";
import type { OrderSyncSettings } from "./plan";
import { bookingStatus, settlement } from "./settlement";
import type { ActionStep, DesiredTransaction, FinalStep, LookupStep } from "./steps";

type NextStep = LookupStep | ActionStep | FinalStep;

/** The one thing to do next, given the facts as they stand. */
export function nextStep(facts: OrderFacts, settings: OrderSyncSettings): NextStep {
  const snapshot = facts.order;
  if (snapshot.kind === "missing")
    return { kind: "wait", reason: "Waiting for the order itself (only refunds are known so far)" };
  if (snapshot.kind === "unusable")
    return { kind: "fail", reason: `The order data from Shopify is unusable: ${snapshot.problem}` };
  const before = beforeBooking(facts, snapshot.order, settings);
  return "step" in before ? before.step : towardsDiller(facts, snapshot, settings, before);
}

/** The member and the coupon codes, once both are known. */
interface Booker {
  memberId: string;
  couponCodes: string[];
}

/** Skips, and the member and coupons the booking needs, each decided once. */
function beforeBooking(
  facts: OrderFacts,
  order: ShopifyOrder,
  settings: OrderSyncSettings,
): { step: NextStep } | Booker {
  const { progress } = facts;
  // Once something was sent, the order is followed to the end whatever the settings say now.
  const nothingSent = !progress.live && progress.cancelled.length === 0;
  const testSkip = testOrderSkipReason(settings, order.test);
  if (testSkip && nothingSent) return { step: { kind: "skip", reason: testSkip } };
  if (settings.currencyMismatch === "SKIP" && nothingSent) {
    if (!facts.store) return { step: { kind: "readStoreCurrency" } };
    const orderCurrency = order.currency ?? order.presentment_currency;
    const currencySkip = currencySkipReason(orderCurrency, facts.store.currency, settings.currencyMismatch);
    if (currencySkip) return { step: { kind: "skip", reason: currencySkip } };
  }
  const { memberId, couponCodes } = progress;
  if (!memberId)
    return { step: facts.noMemberReason ? { kind: "skip", reason: facts.noMemberReason } : { kind: "resolveMember" } };
  if (!couponCodes) return { step: { kind: "matchCoupons", memberId, codes: discountCodes(order) } };
  return { memberId, couponCodes };
}

/** Reservations, the transaction that should stand, releases, and finally the record. */
function towardsDiller(
  facts: OrderFacts,
  { order, origin, returnOrigin }: { order: ShopifyOrder; origin: Origin; returnOrigin: Origin },
  settings: OrderSyncSettings,
  { memberId, couponCodes }: Booker,
): NextStep {
  const { progress } = facts;
  const baseExternalId = orderExternalId(facts.shop, facts.orderId);
  const { bookable, cancelled } = bookingStatus(facts, order, settings);

  // Until the order is booked, its coupons are reserved for it.
  const unreserved = couponCodes.filter((code) => !progress.reserved.includes(code));
  if (!bookable && !cancelled && !progress.released && unreserved.length > 0)
    return { kind: "reserveCoupons", memberId, codes: unreserved, externalId: baseExternalId, origin };

  let desired: DesiredTransaction | null = null;
  if (bookable) {
    const variantIds = order.line_items.flatMap((line) => (line.variant_id ? [line.variant_id] : []));
    const products = facts.products ?? (variantIds.length === 0 ? new Map() : undefined);
    if (!products) return { kind: "loadProducts", variantIds };
    const { shop, orderId, refunds } = facts;
    const { includeShipping } = settings;
    const outcome = desiredTransaction({
      shop,
      orderId,
      order,
      refunds,
      origin,
      includeShipping,
      products,
      couponCodes,
    });
    if ("problem" in outcome) return { kind: "fail", reason: outcome.problem, cause: outcome.cause };
    desired = outcome.desired;
  }

  if (progress.live && progress.live !== desired?.externalId) {
    const reason = cancelled ? "Order cancelled in Shopify" : "Order refunded in Shopify";
    return { kind: "cancelTransaction", externalId: progress.live, reason, origin: returnOrigin };
  }
  if (desired && progress.live !== desired.externalId) return { kind: "postTransaction", memberId, desired };
  // Once booked or cancelled, reservations are released (a posted transaction consumed them).
  if (progress.reserved.length > 0 && !progress.released && (progress.live || cancelled))
    return { kind: "releaseReservations", memberId, codes: progress.reserved, externalId: baseExternalId };
  return { kind: "settle", settlement: settlement(facts, { memberId, desired, bookable, cancelled, settings }) };
}

function discountCodes(order: ShopifyOrder): string[] {
  return order.discount_codes.map((discount) => discount.code?.trim() ?? "").filter(Boolean);
}
