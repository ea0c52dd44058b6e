import type { ShopifyOrder } from "~/shopify/payloads/order";
import type { ShopifyRefund, ShopifyRefundLineItem } from "~/shopify/payloads/refund";

import { Money } from "./money";
import { lineFacts, readAmount, type LineFacts, type OrderFacts } from "./order-facts";

/** What one or more refunds took back, per line and for shipping, in shop currency and in the order's tax basis. */
export interface LineRefund {
  facts: LineFacts;
  quantity: number;
  /** Refunded amount after discounts, in the order's tax basis (incl. tax when taxes are included). */
  basis: Money;
  tax: Money;
  /** basis (+ tax when taxes are excluded): the money value of what came back. */
  value: Money;
}

export interface ShippingRefund {
  shippingLineId: string | null;
  /** Incl. tax. */
  value: Money;
  tax: Money;
}

export interface RefundEffects {
  lines: LineRefund[];
  shipping: ShippingRefund[];
  /** Refunded duties and additional fees (never loyalty-relevant). */
  dutiesAndFees: Money;
  /** Value of everything itemised (lines, shipping, duties, fees). */
  itemValue: Money;
  /** Σ successful refund transactions of the refunds whose money could be compared (see `comparable`). */
  money: Money;
  /**
   * Σ over comparable refunds of (money returned − itemised value): > 0 money came back without items (goodwill),
   * < 0 the merchant kept money on returned items (restocking fee, partial refund of a damaged item).
   */
  discrepancy: Money;
  /** False when some refund's money is in another currency or a refund moved no money at all. */
  comparable: boolean;
}

/** Refunds of the order plus the given ones, each refund id once (the order's embedded copy wins). */
export function mergeRefunds(order: ShopifyOrder, refunds: readonly ShopifyRefund[]): ShopifyRefund[] {
  const byId = new Map<string, ShopifyRefund>();
  for (const refund of [...order.refunds, ...refunds]) if (!byId.has(refund.id)) byId.set(refund.id, refund);
  return [...byId.values()];
}

export function collectRefundEffects(
  facts: OrderFacts,
  refunds: readonly ShopifyRefund[],
  warnings: string[],
): RefundEffects {
  const { currency } = facts;
  const zero = Money.zero(currency);
  const effects: RefundEffects = {
    lines: [],
    shipping: [],
    dutiesAndFees: zero,
    itemValue: zero,
    money: zero,
    discrepancy: zero,
    comparable: true,
  };

  for (const refund of refunds) {
    const label = `refund ${refund.id}`;
    let itemValue = zero;
    for (const refundLine of refund.refund_line_items) {
      const lineRefund = refundedLine(facts, refundLine, label, warnings);
      if (!lineRefund) continue;
      effects.lines.push(lineRefund);
      itemValue = itemValue.plus(lineRefund.value);
    }
    for (const shippingRefund of refundedShipping(facts, refund, label)) {
      effects.shipping.push(shippingRefund);
      itemValue = itemValue.plus(shippingRefund.value);
    }
    const dutiesAndFees = [
      readAmount(currency, refund.total_duties_set, null, `${label} total_duties_set`),
      readAmount(currency, refund.total_additional_fees_set, null, `${label} total_additional_fees_set`),
    ].reduce<Money>((sum, amount) => sum.plus(amount ?? zero), zero);
    effects.dutiesAndFees = effects.dutiesAndFees.plus(dutiesAndFees);
    itemValue = itemValue.plus(dutiesAndFees);
    effects.itemValue = effects.itemValue.plus(itemValue);

    const money = refundedMoney(currency, refund, label, warnings);
    if (money === null) {
      effects.comparable = false;
      continue;
    }
    effects.money = effects.money.plus(money);
    const discrepancy = money.minus(itemValue);
    if (!discrepancy.isZero()) {
      warnings.push(`${label}: refunded money ${money} ≠ value of refunded items ${itemValue}`);
    }
    effects.discrepancy = effects.discrepancy.plus(discrepancy);
  }
  return effects;
}

/**
 * Σ successful refund transactions, or null when they cannot be compared with shop-money amounts: a transaction in
 * another currency (multi-currency refunds are paid in presentment currency), or no money at all (the refund record of
 * a cancelled, never-captured order) — then the refunded items alone say what came back.
 */
function refundedMoney(currency: string, refund: ShopifyRefund, label: string, warnings: string[]): Money | null {
  const transactions = refund.transactions.filter(
    (transaction) => transaction.kind === "refund" && (transaction.status ?? "success") === "success",
  );
  if (transactions.length === 0) return null;
  let money = Money.zero(currency);
  for (const transaction of transactions) {
    if (transaction.currency && transaction.currency !== currency) {
      warnings.push(`${label}: refund money is in ${transaction.currency}; refunded items are used instead`);
      return null;
    }
    money = money.plus(readAmount(currency, null, transaction.amount, `${label} transaction`) ?? Money.zero(currency));
  }
  return money;
}

function refundedLine(
  facts: OrderFacts,
  refundLine: ShopifyRefundLineItem,
  label: string,
  warnings: string[],
): LineRefund | null {
  const { currency, taxesIncluded } = facts;
  const line =
    facts.lines.find((candidate) => candidate.lineItemId === refundLine.line_item_id) ??
    (refundLine.line_item ? lineFacts(currency, refundLine.line_item, warnings) : undefined);
  if (!line) {
    warnings.push(`${label}: line_item ${refundLine.line_item_id} is not in the order; ignored`);
    return null;
  }
  const quantity = refundLine.quantity;
  if (quantity <= 0) return null;
  const itemLabel = `${label} line_item ${line.lineItemId}`;
  const lineBase = line.unitPrice.times(line.quantity).minus(line.discount);
  const weights = [BigInt(Math.min(quantity, line.quantity)), BigInt(Math.max(line.quantity - quantity, 0))];
  const proportionalBasis = lineBase.allocate(weights)[0] ?? lineBase;
  const subtotal = readAmount(currency, refundLine.subtotal_set, refundLine.subtotal, `${itemLabel} subtotal`);
  const tax =
    readAmount(currency, refundLine.total_tax_set, refundLine.total_tax, `${itemLabel} total_tax`) ??
    line.tax.allocate(weights)[0] ??
    line.tax;
  let basis = subtotal ?? proportionalBasis;
  if (!subtotal) warnings.push(`${itemLabel}: no refund subtotal; a proportional share was used`);
  // Tax-inclusive shops: `subtotal` is taken to be in the price basis (incl. tax), like every other amount there. Should
  // a payload state it without tax, subtotal + tax is the closer match to the line's share and is used instead.
  if (subtotal && taxesIncluded && tax.isPositive()) {
    const distance = (amount: Money) => {
      const difference = amount.minus(proportionalBasis);
      return difference.isNegative() ? difference.negated() : difference;
    };
    if (distance(subtotal.plus(tax)).compare(distance(subtotal)) < 0) {
      warnings.push(`${itemLabel}: refund subtotal looks tax-exclusive in a tax-inclusive shop; tax added`);
      basis = subtotal.plus(tax);
    }
  }
  return { facts: line, quantity, basis, tax, value: taxesIncluded ? basis : basis.plus(tax) };
}

function refundedShipping(facts: OrderFacts, refund: ShopifyRefund, label: string): ShippingRefund[] {
  const { currency, taxesIncluded } = facts;
  const zero = Money.zero(currency);
  const valueOf = (amount: Money, tax: Money) => (taxesIncluded ? amount : amount.plus(tax));
  // Since API 2024-10 refunded shipping is listed per shipping line; before, as a `shipping_refund` order adjustment.
  if (refund.refund_shipping_lines.length > 0) {
    return refund.refund_shipping_lines.map((line, index) => {
      const lineLabel = `${label} refund_shipping_lines[${index}]`;
      const amount = readAmount(currency, line.subtotal_amount_set, null, `${lineLabel} subtotal`) ?? zero;
      const tax = readAmount(currency, line.tax_amount_set, null, `${lineLabel} tax`) ?? zero;
      return { shippingLineId: line.shipping_line_id ?? null, value: valueOf(amount, tax), tax };
    });
  }
  return refund.order_adjustments
    .filter((adjustment) => adjustment.kind === "shipping_refund")
    .map((adjustment, index) => {
      const adjustmentLabel = `${label} order_adjustments[${index}]`;
      const absolute = (money: Money | null) => (money ? (money.isNegative() ? money.negated() : money) : zero);
      const amount = absolute(
        readAmount(currency, adjustment.amount_set, adjustment.amount, `${adjustmentLabel} amount`),
      );
      const tax = absolute(
        readAmount(currency, adjustment.tax_amount_set, adjustment.tax_amount, `${adjustmentLabel} tax`),
      );
      return { shippingLineId: null, value: valueOf(amount, tax), tax };
    });
}
