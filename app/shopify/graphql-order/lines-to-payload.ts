import type { DiscountApplicationValue, LineItemValue, ShippingLineValue } from "./line-schemas";
import { gidTail, lower, restAllocations, restMoney, restTaxLines, shopAmount } from "./rest-parts";

export function restDiscountApplication(application: DiscountApplicationValue) {
  return {
    type: application.code ? "discount_code" : null,
    code: application.code ?? null,
    allocation_method: lower(application.allocationMethod),
    target_selection: lower(application.targetSelection),
    target_type: lower(application.targetType),
    value: application.value?.amount ?? application.value?.percentage?.toString() ?? null,
    value_type: application.value?.percentage !== undefined ? "percentage" : "fixed_amount",
  };
}

export function restLineItem(line: LineItemValue) {
  return {
    id: gidTail(line.id),
    variant_id: line.variant?.legacyResourceId ?? null,
    product_id: line.product?.legacyResourceId ?? null,
    title: line.title ?? null,
    variant_title: line.variantTitle ?? null,
    name: line.name ?? null,
    sku: line.sku ?? null,
    vendor: line.vendor ?? null,
    quantity: line.quantity,
    current_quantity: line.currentQuantity ?? null,
    gift_card: line.isGiftCard ?? false,
    taxable: line.taxable ?? null,
    price: shopAmount(line.originalUnitPriceSet),
    price_set: restMoney(line.originalUnitPriceSet),
    tax_lines: restTaxLines(line.taxLines),
    discount_allocations: restAllocations(line.discountAllocations),
  };
}

export function restShippingLine(line: ShippingLineValue) {
  return {
    id: line.id ? gidTail(line.id) : null,
    title: line.title ?? null,
    code: line.code ?? null,
    source: line.source ?? null,
    price: shopAmount(line.originalPriceSet),
    price_set: restMoney(line.originalPriceSet),
    discounted_price: shopAmount(line.discountedPriceSet),
    discounted_price_set: restMoney(line.discountedPriceSet),
    tax_lines: restTaxLines(line.taxLines),
    discount_allocations: restAllocations(line.discountAllocations),
  };
}
