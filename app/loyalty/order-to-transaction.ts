import type { ShopifyOrder } from "~/shopify/payloads/order";

import { TransactionMappingError } from "./errors";
import { Money } from "./money";
import { orderFacts, readAmount, type OrderFacts } from "./order-facts";
import { dillerOrigin } from "./origin";
import { paymentDetails } from "./payments";
import { assemble, exactAmounts, isoDateTime, mappedLine, wireDetail, type Assembly } from "./transaction-assembly";
import type { MappedTransaction, TransactionMappingOptions } from "./types";

export { TransactionMappingError } from "./errors";
export type { MappedTransaction, TransactionMappingOptions } from "./types";

/**
 * Maps a Shopify order to the Diller `createTransaction` body for the purchase as placed (refunds are handled by
 * `mapOrderRemainder`). Pure: no I/O, no clock.
 *
 * Amounts are computed from the lines (price, quantity, `discount_allocations`, tax lines) and shipping lines, in shop
 * currency, and cross-checked against Shopify's totals; disagreements become `warnings`, never exceptions. Only
 * unusable input throws `TransactionMappingError` (no shop currency, unreadable amounts, shop money in another currency,
 * tax charged without `taxes_included`, no date, no external id).
 *
 * - `total` = exact amount paid for the in-scope lines (see `assemble`): incl. tax, after all discounts, without
 *   gift-card purchases, and without shipping unless `includeShipping`. A 100 % discount maps to 0.
 * - `round_off_amount` = `total` − Σ `details[].total_price` (positive: paid more than the rounded lines show); it only
 *   carries unit-price rounding of tax-exclusive lines (and, for remainders, money not tied to a line).
 * - Whether the order should be booked at all (paid? cancelled?) is `assessOrderForBooking`'s call, not this one's;
 *   an unpaid order still maps, with a warning.
 */
export function mapOrderToTransaction(order: ShopifyOrder, options: TransactionMappingOptions): MappedTransaction {
  const warnings: string[] = [];
  const facts = orderFacts(order, warnings);
  const assembly = assemble({ facts, includeShipping: options.includeShipping, products: options.products }, warnings);
  crossCheck(order, facts, assembly, warnings);
  return buildPurchase(order, assembly, options, warnings);
}

/** The createTransaction body and metadata for an assembled purchase (the original one or a remainder). */
export function buildPurchase(
  order: ShopifyOrder,
  assembly: Assembly,
  options: TransactionMappingOptions,
  warnings: string[],
): MappedTransaction {
  if (!options.externalId.trim()) {
    throw new TransactionMappingError("missing_external_id", `no external id for order ${order.id}`);
  }
  const { currency } = assembly;
  const read = (set: Parameters<typeof readAmount>[1], plain: string | null | undefined, label: string) =>
    readAmount(currency, set, plain, label) ?? Money.zero(currency);
  const tips = read(null, order.total_tip_received, "total_tip_received");
  const duties = read(order.original_total_duties_set, null, "original_total_duties_set");
  const fees = read(order.original_total_additional_fees_set, null, "original_total_additional_fees_set");
  const reported = readAmount(currency, order.total_price_set, order.total_price, "total_price");
  const statusWarning = paymentStatusWarning(order);
  if (statusWarning) warnings.push(statusWarning);

  const department = options.origin.departmentId ? { department_id: options.origin.departmentId } : {};
  return {
    body: {
      external_id: options.externalId,
      external_receipt_id: order.name?.trim() || (order.order_number != null ? `#${order.order_number}` : order.id),
      created_at: isoDateTime([order.processed_at, order.created_at], `order ${order.id}`),
      payment_details: paymentDetails(
        { total: assembly.total, gatewayNames: order.payment_gateway_names, payments: options.payments },
        warnings,
      ),
      send_email_receipt: false,
      total: assembly.total.toNumber(),
      total_tax: assembly.totalTax.toNumber(),
      total_discount: assembly.totalDiscount.toNumber(),
      currency,
      round_off_amount: assembly.roundOff.toNumber(),
      origin: dillerOrigin(options.systemId, options.origin),
      coupon_codes: [...(options.couponCodes ?? [])],
      details: assembly.details.map(wireDetail),
      ...department,
    },
    amounts: exactAmounts(assembly),
    lines: assembly.details.map(mappedLine),
    excludedGiftCardTotal: assembly.excludedGiftCards.toString(),
    excluded: {
      giftCards: assembly.excludedGiftCards.toString(),
      shipping: assembly.excludedShipping.toString(),
      tips: tips.toString(),
      duties: duties.toString(),
      additionalFees: fees.toString(),
    },
    reportedTotal: reported?.toString() ?? null,
    warnings,
  };
}

const PAID_STATUSES = new Set(["paid", "partially_refunded", "refunded"]);

function paymentStatusWarning(order: ShopifyOrder): string | null {
  if (order.cancelled_at)
    return `order ${order.id} is cancelled (financial_status ${order.financial_status ?? "unknown"})`;
  if (!order.financial_status || !PAID_STATUSES.has(order.financial_status)) {
    return `order ${order.id} is not paid (financial_status ${order.financial_status ?? "missing"})`;
  }
  return null;
}

/** Compares what the lines say with Shopify's own totals. Every mismatch is a warning; nothing is overridden. */
function crossCheck(order: ShopifyOrder, facts: OrderFacts, assembly: Assembly, warnings: string[]): void {
  const { currency } = facts;
  const zero = Money.zero(currency);
  const read = (set: Parameters<typeof readAmount>[1], plain: string | null | undefined, label: string) =>
    readAmount(currency, set, plain, label);

  // Everything Shopify charged, from our side: all lines (gift cards too) + all shipping + tips, duties, fees.
  const allScope = assemble({ facts, includeShipping: true }, []);
  const extras = [
    read(null, order.total_tip_received, "total_tip_received"),
    read(order.original_total_duties_set, null, "original_total_duties_set"),
    read(order.original_total_additional_fees_set, null, "original_total_additional_fees_set"),
  ].reduce<Money>((sum, amount) => sum.plus(amount ?? zero), zero);
  const shippingValue = facts.shipping.reduce((sum, shipping) => {
    const base = shipping.price.minus(shipping.discount);
    return sum.plus(facts.taxesIncluded ? base : base.plus(shipping.tax));
  }, zero);
  const charged = allScope.details
    .filter((detail) => detail.source.kind === "line_item")
    .reduce((sum, detail) => sum.plus(detail.priced.value), zero)
    .plus(allScope.excludedGiftCards)
    .plus(shippingValue)
    .plus(extras);

  const compare = (label: string, reported: Money | null, computed: Money) => {
    if (reported && !reported.equals(computed)) {
      warnings.push(`${label} ${reported} ≠ ${computed} computed from lines`);
    }
  };
  compare("total_price", read(order.total_price_set, order.total_price, "total_price"), charged);

  const lineDiscounts = facts.lines.reduce((sum, line) => sum.plus(line.discount), zero);
  const shippingDiscounts = facts.shipping.reduce((sum, shipping) => sum.plus(shipping.discount), zero);
  compare(
    "total_discounts",
    read(order.total_discounts_set, order.total_discounts, "total_discounts"),
    lineDiscounts.plus(shippingDiscounts),
  );

  const tax = [...facts.lines, ...facts.shipping].reduce((sum, item) => sum.plus(item.tax), zero);
  compare("total_tax", read(order.total_tax_set, order.total_tax, "total_tax"), tax);

  if (order.refunds.length === 0) {
    const current = read(order.current_total_price_set, order.current_total_price, "current_total_price");
    compare("current_total_price (no refunds)", current, charged);
  }
  if (assembly.total.isNegative()) warnings.push(`computed total ${assembly.total} is negative`);
}
