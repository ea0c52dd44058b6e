import type { ShopifyOrder } from "~/shopify/payloads/order";
import type { ShopifyRefund } from "~/shopify/payloads/refund";

import { readAmount } from "./order-facts";
import { buildPurchase } from "./order-to-transaction";
import { mergeRefunds } from "./refund-effects";
import { analyseRemainder, type RemainderAnalysis } from "./remainder";
import type { Assembly } from "./transaction-assembly";
import type { MappedTransaction, TransactionMappingOptions } from "./types";

export { mapRefundToDillerRefund } from "./refund-transaction";

export type RefundClassification = "none" | "partial" | "full";

/*
 * Rules shared by the functions below.
 *
 * - Refunds considered = the order's embedded `refunds` plus the given ones, each refund id once, so passing the
 *   refunds/create body together with an older copy of the order never loses or doubles a refund.
 * - A refunded line is removed by Shopify's own refunded amounts (`refund_line_items[].subtotal_set`/`total_tax_set`),
 *   not by re-dividing: the remaining units keep exactly what is left (fixture 10: tax 539.97 − 3 × 134.99 = 135.00 on
 *   the last unit, matching `current_total_tax`). The remaining discount is what makes the remaining units add up
 *   (price × remaining quantity − remaining amount). Proportional shares (largest remainder) are used only when a
 *   payload lacks the amounts or they are inconsistent (warning).
 * - `restock_type` (no_restock / cancel / return) says what happened to the stock, not to the money: a refunded line
 *   leaves the purchase whatever its restock type, because points follow money.
 * - Money beats items where they disagree and the money is comparable (shop currency): money returned without items is
 *   taken off the remaining lines as discount; money kept on returned items (restocking fee) stays in the purchase,
 *   carried in `round_off_amount` since no line holds it. Both warn.
 * - A voided order (payment never captured) has nothing left, refunds or not.
 */

/**
 * How much of the loyalty-relevant purchase (non-gift-card lines, plus shipping when `includeShipping`) the refunds
 * took back: "none" (nothing in scope changed), "full" (no line and no money left: fixtures 11–13, any voided order) or
 * "partial" (fixture 10: 1 of 4 units left).
 */
export function classifyRefunds(
  order: ShopifyOrder,
  refunds: readonly ShopifyRefund[],
  options: { includeShipping?: boolean } = {},
): RefundClassification {
  if (order.financial_status === "voided") return "full";
  const analysis = analyseRemainder(order, refunds, options.includeShipping ?? false, undefined, []);
  if (!analysis.changed) return "none";
  return nothingLeft(analysis.assembly) ? "full" : "partial";
}

function nothingLeft(assembly: Assembly): boolean {
  return assembly.details.length === 0 && !assembly.total.isPositive();
}

/**
 * The purchase that remains after the refunds, as a createTransaction body with the caller's `externalId` (the sync
 * engine cancels the original Diller transaction and posts this one); null when nothing remains. Dates, receipt id and
 * payment gateways are the original order's.
 */
export function mapOrderRemainder(
  order: ShopifyOrder,
  refunds: readonly ShopifyRefund[],
  options: TransactionMappingOptions,
): MappedTransaction | null {
  if (order.financial_status === "voided") return null;
  const warnings: string[] = [];
  const analysis = analyseRemainder(order, refunds, options.includeShipping, options.products, warnings);
  if (nothingLeft(analysis.assembly)) return null;
  crossCheckRemainder(order, refunds, analysis, warnings);
  return buildPurchase(order, analysis.assembly, options, warnings);
}

function crossCheckRemainder(
  order: ShopifyOrder,
  refunds: readonly ShopifyRefund[],
  { effects, facts }: RemainderAnalysis,
  warnings: string[],
): void {
  const givenIds = new Set(mergeRefunds(order, refunds).map((refund) => refund.id));
  const orderCoversAll = givenIds.size === order.refunds.length;
  if (!orderCoversAll) return; // current_* fields describe only the refunds the order knows about
  for (const line of facts.lines) {
    const current = line.line.current_quantity;
    if (current == null) continue;
    const refunded = effects.lines
      .filter((refund) => refund.facts.lineItemId === line.lineItemId)
      .reduce((sum, refund) => sum + refund.quantity, 0);
    if (line.quantity - refunded !== current) {
      warnings.push(
        `line_item ${line.lineItemId}: current_quantity ${current} ≠ ${line.quantity} − ${refunded} refunded`,
      );
    }
  }
  if (!effects.comparable) return;
  const charged = readAmount(facts.currency, order.total_price_set, order.total_price, "total_price");
  const current = readAmount(
    facts.currency,
    order.current_total_price_set,
    order.current_total_price,
    "current_total_price",
  );
  if (charged && current && !charged.minus(effects.money).equals(current)) {
    warnings.push(`current_total_price ${current} ≠ total_price ${charged} − refunded ${effects.money}`);
  }
}
