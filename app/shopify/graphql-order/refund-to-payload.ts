import type { RefundValue } from "./refund-schema";
import { gidTail, lower, restMoney, shopAmount } from "./rest-parts";

export function restRefund(refund: RefundValue, orderId: string) {
  return {
    id: refund.legacyResourceId,
    order_id: orderId,
    created_at: refund.createdAt ?? null,
    processed_at: refund.processedAt ?? null,
    note: refund.note ?? null,
    refund_line_items: (refund.refundLineItems?.nodes ?? []).map((item) => ({
      line_item_id: gidTail(item.lineItem.id),
      quantity: item.quantity,
      restock_type: lower(item.restockType),
      subtotal: shopAmount(item.subtotalSet),
      subtotal_set: restMoney(item.subtotalSet),
      total_tax: shopAmount(item.totalTaxSet),
      total_tax_set: restMoney(item.totalTaxSet),
    })),
    order_adjustments: (refund.orderAdjustments?.nodes ?? []).map((adjustment) => ({
      kind: lower(adjustment.reason),
      amount: shopAmount(adjustment.amountSet),
      amount_set: restMoney(adjustment.amountSet),
      tax_amount: shopAmount(adjustment.taxAmountSet),
      tax_amount_set: restMoney(adjustment.taxAmountSet),
    })),
    refund_shipping_lines: (refund.refundShippingLines?.nodes ?? []).map((line) => ({
      shipping_line_id: line.shippingLine?.id ? gidTail(line.shippingLine.id) : null,
      subtotal_amount_set: restMoney(line.subtotalAmountSet),
      tax_amount_set: restMoney(line.taxAmountSet),
    })),
    transactions: (refund.transactions?.nodes ?? []).map((transaction) => ({
      kind: lower(transaction.kind),
      status: lower(transaction.status),
      gateway: transaction.gateway ?? null,
      amount: transaction.amountSet?.presentmentMoney?.amount ?? transaction.amountSet?.shopMoney.amount ?? null,
      currency: transaction.amountSet?.presentmentMoney?.currencyCode ?? null,
      location_id: transaction.location?.legacyResourceId ?? null,
    })),
  };
}
