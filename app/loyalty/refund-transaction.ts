import type { ShopifyOrder } from "~/shopify/payloads/order";
import type { ShopifyRefund } from "~/shopify/payloads/refund";

import { TransactionMappingError } from "./errors";
import { Money } from "./money";
import { orderFacts, type LineFacts, type ShippingFacts } from "./order-facts";
import { dillerOrigin } from "./origin";
import { paymentDetails } from "./payments";
import { collectRefundEffects } from "./refund-effects";
import { assemble, exactAmounts, isoDateTime, mappedLine, wireDetail } from "./transaction-assembly";
import type { MappedRefund, RefundMappingOptions } from "./types";

/**
 * One Shopify refund as a Diller partial refund (`createRefundTransaction`). `total` is the money actually returned for
 * the loyalty-relevant part (fixture 14: 85.00, not the 414.95 of the returned lines): successful refund transactions
 * minus what went back for gift cards, duties, fees and — unless `includeShipping` — shipping. When the money is not
 * comparable (another currency), the refunded items' value is used. Lines are the returned units at the original unit
 * price; a shortfall of money against them is taken off the lines as discount (largest remainder), money beyond them
 * is carried in `round_off_amount`.
 */
export function mapRefundToDillerRefund(
  order: ShopifyOrder,
  refund: ShopifyRefund,
  options: RefundMappingOptions,
): MappedRefund {
  if (!options.externalId.trim()) {
    throw new TransactionMappingError("missing_external_id", `no external id for refund ${refund.id}`);
  }
  const warnings: string[] = [];
  const facts = orderFacts(order, warnings);
  const { currency } = facts;
  const zero = Money.zero(currency);
  const effects = collectRefundEffects(facts, [refund], warnings);

  const refundedLines: LineFacts[] = effects.lines.map((line) => ({
    ...line.facts,
    quantity: line.quantity,
    discount: line.facts.unitPrice.times(line.quantity).minus(line.basis).max(zero),
    tax: line.tax,
  }));
  const refundedShipping: ShippingFacts[] = effects.shipping.map((shipping) => {
    const original =
      facts.shipping.find((line) => line.shippingLineId === shipping.shippingLineId) ?? facts.shipping[0];
    const basis = facts.taxesIncluded ? shipping.value : shipping.value.minus(shipping.tax);
    return {
      shippingLineId: shipping.shippingLineId ?? original?.shippingLineId ?? null,
      title: original?.title ?? "Shipping",
      price: basis,
      discount: zero,
      tax: shipping.tax,
      nominalRate: original?.nominalRate ?? null,
      chargedRate: original?.chargedRate ?? null,
    };
  });
  const refundFacts = { ...facts, lines: refundedLines, shipping: refundedShipping };
  const itemsOnly = assemble({ facts: refundFacts, includeShipping: options.includeShipping }, warnings);
  const shippingValue = Money.sum(
    effects.shipping.map((shipping) => shipping.value),
    currency,
  );
  const giftCardValue = Money.sum(
    effects.lines.filter((line) => line.facts.giftCard).map((line) => line.value),
    currency,
  );
  const lineValue = Money.sum(
    effects.lines.filter((line) => !line.facts.giftCard).map((line) => line.value),
    currency,
  );
  let total = options.includeShipping ? lineValue.plus(shippingValue) : lineValue;
  if (effects.comparable) {
    const outOfScope = giftCardValue.plus(options.includeShipping ? zero : shippingValue).plus(effects.dutiesAndFees);
    total = effects.money.minus(outOfScope);
    if (total.isNegative()) {
      warnings.push(`refund ${refund.id}: money ${effects.money} is less than its non-loyalty part ${outOfScope}`);
      total = zero;
    }
  }
  // Lines are priced at the original unit prices; whatever the money says beyond that is spread or carried.
  const difference = total.minus(itemsOnly.total);
  const assembly = assemble(
    {
      facts: refundFacts,
      includeShipping: options.includeShipping,
      products: options.products,
      extraDiscount: difference.isNegative() ? difference.negated() : undefined,
      unattributed: difference.isPositive() ? difference : undefined,
    },
    [],
  );

  const transactions = refund.transactions.filter(
    (transaction) => transaction.kind === "refund" && (transaction.status ?? "success") === "success",
  );
  const sameCurrency = transactions.every((transaction) => !transaction.currency || transaction.currency === currency);
  const department = options.origin.departmentId ? { department_id: options.origin.departmentId } : {};
  return {
    body: {
      reason: refund.note?.trim() || "Refund in Shopify",
      external_id: options.externalId,
      external_receipt_id: order.name?.trim() || order.id,
      created_at: isoDateTime([refund.processed_at, refund.created_at], `refund ${refund.id}`),
      payment_details: paymentDetails(
        {
          total: assembly.total,
          gatewayNames: transactions.map((transaction) => transaction.gateway ?? "").filter(Boolean),
          payments: sameCurrency
            ? transactions.map((transaction) => ({
                gateway: transaction.gateway ?? "unknown",
                amount: transaction.amount ?? "0",
              }))
            : undefined,
        },
        warnings,
      ),
      total: assembly.total.toNumber(),
      total_tax: assembly.totalTax.toNumber(),
      total_discount: assembly.totalDiscount.toNumber(),
      currency,
      round_off_amount: assembly.roundOff.toNumber(),
      origin: dillerOrigin(options.systemId, options.origin),
      details: assembly.details.map(wireDetail),
      ...department,
    },
    amounts: exactAmounts(assembly),
    lines: assembly.details.map(mappedLine),
    warnings,
  };
}
