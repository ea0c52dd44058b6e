import type { ShopifyOrder } from "~/shopify/payloads/order";
import type { ShopifyRefund } from "~/shopify/payloads/refund";

import { Money } from "./money";
import { orderFacts, type LineFacts, type OrderFacts, type ShippingFacts } from "./order-facts";
import { collectRefundEffects, mergeRefunds, type RefundEffects } from "./refund-effects";
import { assemble, type Assembly } from "./transaction-assembly";
import type { TransactionMappingOptions } from "./types";

export interface RemainderAnalysis {
  assembly: Assembly;
  changed: boolean;
  effects: RefundEffects;
  facts: OrderFacts;
}

/** The order after its refunds, assembled like a purchase; see refunds.ts for the rules. */
export function analyseRemainder(
  order: ShopifyOrder,
  refunds: readonly ShopifyRefund[],
  includeShipping: boolean,
  products: TransactionMappingOptions["products"],
  warnings: string[],
): RemainderAnalysis {
  const facts = orderFacts(order, warnings);
  const effects = collectRefundEffects(facts, mergeRefunds(order, refunds), warnings);
  const remaining = remainingFacts(facts, effects, warnings);
  const residual = includeShipping ? remaining.lineResidual.plus(remaining.shippingResidual) : remaining.lineResidual;
  const discrepancy = effects.discrepancy;
  const assembly = assemble(
    {
      facts: remaining.facts,
      includeShipping,
      products,
      extraDiscount: discrepancy.isPositive() ? discrepancy : undefined,
      unattributed: (discrepancy.isNegative() ? discrepancy.negated() : Money.zero(facts.currency)).plus(residual),
    },
    warnings,
  );
  const inScopeLineChanged = effects.lines.some((line) => !line.facts.giftCard);
  const shippingChanged = includeShipping && effects.shipping.some((shipping) => !shipping.value.isZero());
  const changed = inScopeLineChanged || shippingChanged || !discrepancy.isZero() || !residual.isZero();
  return { assembly, changed, effects, facts };
}

interface RemainingFacts {
  facts: OrderFacts;
  /** Value left on fully refunded lines (refund amounts that do not quite match the line); goes to round-off. */
  lineResidual: Money;
  shippingResidual: Money;
}

function remainingFacts(facts: OrderFacts, effects: RefundEffects, warnings: string[]): RemainingFacts {
  const zero = Money.zero(facts.currency);
  let lineResidual = zero;
  const lines: LineFacts[] = [];
  for (const line of facts.lines) {
    const refunds = effects.lines.filter((refund) => refund.facts.lineItemId === line.lineItemId);
    if (refunds.length === 0) {
      lines.push(line);
      continue;
    }
    const label = `line_item ${line.lineItemId}`;
    const refundedQuantity = refunds.reduce((sum, refund) => sum + refund.quantity, 0);
    const quantity = Math.max(line.quantity - refundedQuantity, 0);
    if (refundedQuantity > line.quantity) warnings.push(`${label}: ${refundedQuantity} refunded of ${line.quantity}`);
    const base = line.unitPrice.times(line.quantity).minus(line.discount);
    const basis = base.minus(
      Money.sum(
        refunds.map((refund) => refund.basis),
        facts.currency,
      ),
    );
    const tax = line.tax.minus(
      Money.sum(
        refunds.map((refund) => refund.tax),
        facts.currency,
      ),
    );
    if (quantity === 0) {
      const left = facts.taxesIncluded ? basis : basis.plus(tax);
      if (!left.isZero() && !line.giftCard) {
        warnings.push(`${label}: fully refunded but ${left} of its value is not accounted for by the refunds`);
        lineResidual = lineResidual.plus(left);
      }
      continue;
    }
    const gross = line.unitPrice.times(quantity);
    const discount = gross.minus(basis);
    if (discount.isNegative() || basis.isNegative() || tax.isNegative()) {
      warnings.push(`${label}: refunded amounts do not fit the remaining ${quantity} unit(s); split pro rata`);
      const weights = [BigInt(quantity), BigInt(line.quantity - quantity)];
      const proportionalBasis = base.allocate(weights)[0] ?? base;
      lines.push({
        ...line,
        quantity,
        discount: gross.minus(proportionalBasis),
        tax: line.tax.allocate(weights)[0] ?? line.tax,
      });
      continue;
    }
    lines.push({ ...line, quantity, discount, tax });
  }

  const { shipping, residual: shippingResidual } = remainingShipping(facts, effects, warnings);
  return { facts: { ...facts, lines, shipping }, lineResidual, shippingResidual };
}

function remainingShipping(
  facts: OrderFacts,
  effects: RefundEffects,
  warnings: string[],
): { shipping: ShippingFacts[]; residual: Money } {
  const zero = Money.zero(facts.currency);
  const valueOf = (shipping: ShippingFacts) => {
    const base = shipping.price.minus(shipping.discount);
    return facts.taxesIncluded ? base : base.plus(shipping.tax);
  };
  const refunded = facts.shipping.map(() => ({ value: zero, tax: zero }));
  let residual = zero;
  const unassigned = { value: zero, tax: zero };
  for (const refund of effects.shipping) {
    const index = facts.shipping.findIndex(
      (shipping) => refund.shippingLineId !== null && shipping.shippingLineId === refund.shippingLineId,
    );
    const target = index >= 0 ? refunded[index] : undefined;
    if (target) {
      target.value = target.value.plus(refund.value);
      target.tax = target.tax.plus(refund.tax);
    } else {
      unassigned.value = unassigned.value.plus(refund.value);
      unassigned.tax = unassigned.tax.plus(refund.tax);
    }
  }
  if (!unassigned.value.isZero()) {
    if (facts.shipping.length === 0) {
      warnings.push(`shipping refund ${unassigned.value} on an order without shipping lines`);
      residual = residual.minus(unassigned.value);
    } else {
      const weights = facts.shipping.map((shipping) => {
        const value = valueOf(shipping).minor;
        return value > 0n ? value : 0n;
      });
      const values = unassigned.value.allocate(weights);
      const taxes = unassigned.tax.allocate(weights);
      refunded.forEach((target, index) => {
        target.value = target.value.plus(values[index] ?? zero);
        target.tax = target.tax.plus(taxes[index] ?? zero);
      });
    }
  }

  const shipping: ShippingFacts[] = [];
  facts.shipping.forEach((line, index) => {
    const refund = refunded[index] ?? { value: zero, tax: zero };
    if (refund.value.isZero()) {
      shipping.push(line);
      return;
    }
    const left = valueOf(line).minus(refund.value);
    if (!left.isPositive()) {
      if (left.isNegative()) {
        warnings.push(`shipping_line ${line.shippingLineId ?? line.title}: refunded ${refund.value}, more than paid`);
        residual = residual.plus(left);
      }
      return;
    }
    // A partly refunded shipping line keeps its price; the refunded part shows as discount.
    const refundedBase = facts.taxesIncluded ? refund.value : refund.value.minus(refund.tax);
    shipping.push({ ...line, discount: line.discount.plus(refundedBase), tax: line.tax.minus(refund.tax) });
  });
  return { shipping, residual };
}
