import type { ShopifyOrder } from "~/shopify/payloads/order";

import { Money, MoneyError } from "./money";
import { shopCurrency } from "./order-facts";

export type BookingAssessment =
  | { bookable: true; test: boolean }
  | {
      bookable: false;
      test: boolean;
      reason: "not_paid" | "voided" | "cancelled";
      detail: string;
    };

/**
 * Whether an order is a purchase to book in Diller now. The mapping itself maps anything; this is the gate.
 *
 * - `paid`, `partially_refunded`, `refunded` → bookable (refunds are then handled as a remainder; a fully refunded
 *   order maps to no remainder). A paid order of total 0 (fixture 01) is bookable too: booking a 0 purchase or not is
 *   the caller's policy.
 * - `pending`, `authorized`, `partially_paid` (fixture 02: 1.00 of 439.00 received), `unpaid`, missing → not yet.
 * - `voided` (fixture 04) or `cancelled_at` set → no: nothing was bought, or the purchase was undone.
 * - Test orders stay bookable (merchants test the integration with them); `test` lets the caller decide otherwise.
 */
export function assessOrderForBooking(order: ShopifyOrder): BookingAssessment {
  const test = order.test === true;
  const status = order.financial_status ?? "missing";
  if (status === "voided") return { bookable: false, test, reason: "voided", detail: "payment voided" };
  if (order.cancelled_at) return { bookable: false, test, reason: "cancelled", detail: `cancelled (${status})` };
  if (status === "paid" || status === "partially_refunded" || status === "refunded") return { bookable: true, test };
  return { bookable: false, test, reason: "not_paid", detail: `financial_status ${status}${outstanding(order)}` };
}

function outstanding(order: ShopifyOrder): string {
  if (!order.total_outstanding) return "";
  try {
    return `, ${Money.parse(order.total_outstanding, shopCurrency(order))} outstanding`;
  } catch (error) {
    if (error instanceof MoneyError) return "";
    throw error;
  }
}
