import { restDiscountApplication, restLineItem, restShippingLine } from "./lines-to-payload";
import type { GraphqlOrder } from "./order-schema";
import { restRefund } from "./refund-to-payload";
import { lower, restAddress, restMoney, restTaxLines, shopAmount } from "./rest-parts";

/**
 * Orders fetched by reconciliation come from the Admin GraphQL API; the sync engine folds orders in
 * the shape of webhook payloads. This converts one reconciled order into that shape (only the fields
 * the engine reads), so a reconciled order is handled exactly like a webhook.
 */
export function graphqlOrderToPayload(order: GraphqlOrder): Record<string, unknown> {
  const orderId = order.legacyResourceId;
  return {
    id: orderId,
    admin_graphql_api_id: order.id,
    name: order.name ?? null,
    email: order.email ?? order.customer?.defaultEmailAddress?.emailAddress ?? null,
    phone: order.phone ?? null,
    test: order.test ?? false,
    created_at: order.createdAt ?? null,
    processed_at: order.processedAt ?? null,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt ?? null,
    currency: order.currencyCode,
    presentment_currency: order.presentmentCurrencyCode ?? order.currencyCode,
    taxes_included: order.taxesIncluded ?? false,
    financial_status: lower(order.displayFinancialStatus),
    fulfillment_status:
      order.displayFulfillmentStatus === "FULFILLED" ? "fulfilled" : lower(order.displayFulfillmentStatus),
    payment_gateway_names: order.paymentGatewayNames ?? [],
    source_name: order.sourceName ?? null,
    location_id: order.retailLocation?.legacyResourceId ?? null,
    customer: restCustomer(order.customer),
    billing_address: restAddress(order.billingAddress),
    shipping_address: restAddress(order.shippingAddress),
    ...restTotals(order),
    tax_lines: restTaxLines(order.taxLines),
    discount_codes: (order.discountCodes ?? []).map((code) => ({ code, amount: null, type: null })),
    discount_applications: (order.discountApplications?.nodes ?? []).map(restDiscountApplication),
    line_items: (order.lineItems?.nodes ?? []).map(restLineItem),
    shipping_lines: (order.shippingLines?.nodes ?? []).map(restShippingLine),
    refunds: (order.refunds ?? []).map((refund) => restRefund(refund, orderId)),
    ...(order.metafield
      ? { metafields: [{ namespace: "$app", key: "diller_consent", value: order.metafield.value }] }
      : {}),
  };
}

function restCustomer(customer: GraphqlOrder["customer"]) {
  if (!customer) return null;
  return {
    id: customer.legacyResourceId,
    first_name: customer.firstName ?? null,
    last_name: customer.lastName ?? null,
    email: customer.defaultEmailAddress?.emailAddress ?? null,
    phone: customer.defaultPhoneNumber?.phoneNumber ?? null,
  };
}

function restTotals(order: GraphqlOrder) {
  return {
    total_price: shopAmount(order.totalPriceSet),
    total_price_set: restMoney(order.totalPriceSet),
    subtotal_price: shopAmount(order.subtotalPriceSet),
    subtotal_price_set: restMoney(order.subtotalPriceSet),
    total_tax: shopAmount(order.totalTaxSet),
    total_tax_set: restMoney(order.totalTaxSet),
    total_discounts: shopAmount(order.totalDiscountsSet),
    total_discounts_set: restMoney(order.totalDiscountsSet),
    total_shipping_price_set: restMoney(order.totalShippingPriceSet),
    total_tip_received: shopAmount(order.totalTipReceivedSet),
    total_outstanding: shopAmount(order.totalOutstandingSet),
    current_total_price: shopAmount(order.currentTotalPriceSet),
    current_total_price_set: restMoney(order.currentTotalPriceSet),
    original_total_duties_set: restMoney(order.originalTotalDutiesSet),
    original_total_additional_fees_set: restMoney(order.originalTotalAdditionalFeesSet),
  };
}
