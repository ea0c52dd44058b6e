import { z } from "zod";

/**
 * Orders fetched by reconciliation come from the Admin GraphQL API; the sync engine folds orders in
 * the shape of webhook payloads. This converts one DillerReconcileOrders node into that shape
 * (only the fields the engine reads), so a reconciled order is handled exactly like a webhook.
 */

const Money = z.object({ amount: z.string(), currencyCode: z.string() });
const MoneyBag = z.object({ shopMoney: Money, presentmentMoney: Money.nullish() }).nullish();
const TaxLine = z.object({ title: z.string().nullish(), rate: z.number().nullish(), priceSet: MoneyBag });
const Allocation = z.object({
  allocatedAmountSet: MoneyBag,
  discountApplication: z.object({ index: z.number().int() }).nullish(),
});
const Address = z
  .object({
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    address1: z.string().nullish(),
    address2: z.string().nullish(),
    city: z.string().nullish(),
    zip: z.string().nullish(),
    provinceCode: z.string().nullish(),
    countryCodeV2: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .nullish();
const Connection = <T extends z.ZodType>(node: T) => z.object({ nodes: z.array(node) }).nullish();
const LegacyId = z.union([z.string(), z.number()]).transform(String);
const gidTail = (gid: string) => gid.split("/").pop() ?? gid;

export const GraphqlOrderSchema = z.object({
  id: z.string(),
  legacyResourceId: LegacyId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  test: z.boolean().nullish(),
  createdAt: z.string().nullish(),
  processedAt: z.string().nullish(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullish(),
  currencyCode: z.string(),
  presentmentCurrencyCode: z.string().nullish(),
  taxesIncluded: z.boolean().nullish(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string().nullish(),
  paymentGatewayNames: z.array(z.string()).nullish(),
  discountCodes: z.array(z.string()).nullish(),
  sourceName: z.string().nullish(),
  /** Null without the read_locations scope (Shopify answers the rest of the order). */
  retailLocation: z.object({ legacyResourceId: LegacyId }).nullish(),
  customer: z
    .object({
      legacyResourceId: LegacyId,
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      defaultEmailAddress: z.object({ emailAddress: z.string() }).nullish(),
      defaultPhoneNumber: z.object({ phoneNumber: z.string() }).nullish(),
    })
    .nullish(),
  billingAddress: Address,
  shippingAddress: Address,
  totalPriceSet: MoneyBag,
  subtotalPriceSet: MoneyBag,
  totalTaxSet: MoneyBag,
  totalDiscountsSet: MoneyBag,
  totalShippingPriceSet: MoneyBag,
  totalTipReceivedSet: MoneyBag,
  totalOutstandingSet: MoneyBag,
  currentTotalPriceSet: MoneyBag,
  originalTotalDutiesSet: MoneyBag,
  originalTotalAdditionalFeesSet: MoneyBag,
  taxLines: z.array(TaxLine).nullish(),
  discountApplications: Connection(
    z.object({
      allocationMethod: z.string().nullish(),
      targetSelection: z.string().nullish(),
      targetType: z.string().nullish(),
      value: z.object({ amount: z.string().optional(), percentage: z.number().optional() }).nullish(),
      code: z.string().nullish(),
    }),
  ),
  lineItems: Connection(
    z.object({
      id: z.string(),
      title: z.string().nullish(),
      variantTitle: z.string().nullish(),
      name: z.string().nullish(),
      sku: z.string().nullish(),
      vendor: z.string().nullish(),
      quantity: z.number().int(),
      currentQuantity: z.number().int().nullish(),
      isGiftCard: z.boolean().nullish(),
      taxable: z.boolean().nullish(),
      variant: z.object({ legacyResourceId: LegacyId }).nullish(),
      product: z.object({ legacyResourceId: LegacyId }).nullish(),
      originalUnitPriceSet: MoneyBag,
      taxLines: z.array(TaxLine).nullish(),
      discountAllocations: z.array(Allocation).nullish(),
    }),
  ),
  shippingLines: Connection(
    z.object({
      id: z.string().nullish(),
      title: z.string().nullish(),
      code: z.string().nullish(),
      source: z.string().nullish(),
      originalPriceSet: MoneyBag,
      discountedPriceSet: MoneyBag,
      taxLines: z.array(TaxLine).nullish(),
      discountAllocations: z.array(Allocation).nullish(),
    }),
  ),
  refunds: z
    .array(
      z.object({
        legacyResourceId: LegacyId,
        createdAt: z.string().nullish(),
        processedAt: z.string().nullish(),
        note: z.string().nullish(),
        refundLineItems: Connection(
          z.object({
            quantity: z.number().int(),
            restockType: z.string().nullish(),
            subtotalSet: MoneyBag,
            totalTaxSet: MoneyBag,
            lineItem: z.object({ id: z.string() }),
          }),
        ),
        orderAdjustments: Connection(
          z.object({ reason: z.string().nullish(), amountSet: MoneyBag, taxAmountSet: MoneyBag }),
        ),
        refundShippingLines: Connection(
          z.object({
            shippingLine: z.object({ id: z.string().nullish() }).nullish(),
            subtotalAmountSet: MoneyBag,
            taxAmountSet: MoneyBag,
          }),
        ),
        transactions: Connection(
          z.object({
            kind: z.string().nullish(),
            status: z.string().nullish(),
            gateway: z.string().nullish(),
            amountSet: MoneyBag,
            location: z.object({ legacyResourceId: LegacyId }).nullish(),
          }),
        ),
      }),
    )
    .nullish(),
  metafield: z.object({ value: z.string() }).nullish(),
});

export type GraphqlOrder = z.infer<typeof GraphqlOrderSchema>;

type MoneyBagValue = z.infer<typeof MoneyBag>;

function restMoney(bag: MoneyBagValue) {
  if (!bag) return null;
  const presentment = bag.presentmentMoney ?? bag.shopMoney;
  return {
    shop_money: { amount: bag.shopMoney.amount, currency_code: bag.shopMoney.currencyCode },
    presentment_money: { amount: presentment.amount, currency_code: presentment.currencyCode },
  };
}

function restTaxLines(lines: z.infer<typeof TaxLine>[] | null | undefined) {
  return (lines ?? []).map((line) => ({
    title: line.title ?? null,
    rate: line.rate ?? null,
    price: line.priceSet?.shopMoney.amount ?? null,
    price_set: restMoney(line.priceSet),
  }));
}

function restAllocations(allocations: z.infer<typeof Allocation>[] | null | undefined) {
  return (allocations ?? []).map((allocation) => ({
    amount: allocation.allocatedAmountSet?.shopMoney.amount ?? null,
    amount_set: restMoney(allocation.allocatedAmountSet),
    discount_application_index: allocation.discountApplication?.index ?? null,
  }));
}

function restAddress(address: z.infer<typeof Address>) {
  if (!address) return null;
  return {
    first_name: address.firstName ?? null,
    last_name: address.lastName ?? null,
    address1: address.address1 ?? null,
    address2: address.address2 ?? null,
    city: address.city ?? null,
    zip: address.zip ?? null,
    province_code: address.provinceCode ?? null,
    country_code: address.countryCodeV2 ?? null,
    phone: address.phone ?? null,
  };
}

const lower = (value: string | null | undefined) => (value ? value.toLowerCase() : null);

/** The REST webhook shape of a GraphQL order (see the schema comment above). */
export function graphqlOrderToPayload(order: GraphqlOrder): Record<string, unknown> {
  const orderId = order.legacyResourceId;
  const amount = (bag: MoneyBagValue) => bag?.shopMoney.amount ?? null;
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
    customer: order.customer
      ? {
          id: order.customer.legacyResourceId,
          first_name: order.customer.firstName ?? null,
          last_name: order.customer.lastName ?? null,
          email: order.customer.defaultEmailAddress?.emailAddress ?? null,
          phone: order.customer.defaultPhoneNumber?.phoneNumber ?? null,
        }
      : null,
    billing_address: restAddress(order.billingAddress),
    shipping_address: restAddress(order.shippingAddress),
    total_price: amount(order.totalPriceSet),
    total_price_set: restMoney(order.totalPriceSet),
    subtotal_price: amount(order.subtotalPriceSet),
    subtotal_price_set: restMoney(order.subtotalPriceSet),
    total_tax: amount(order.totalTaxSet),
    total_tax_set: restMoney(order.totalTaxSet),
    total_discounts: amount(order.totalDiscountsSet),
    total_discounts_set: restMoney(order.totalDiscountsSet),
    total_shipping_price_set: restMoney(order.totalShippingPriceSet),
    total_tip_received: amount(order.totalTipReceivedSet),
    total_outstanding: amount(order.totalOutstandingSet),
    current_total_price: amount(order.currentTotalPriceSet),
    current_total_price_set: restMoney(order.currentTotalPriceSet),
    original_total_duties_set: restMoney(order.originalTotalDutiesSet),
    original_total_additional_fees_set: restMoney(order.originalTotalAdditionalFeesSet),
    tax_lines: restTaxLines(order.taxLines),
    discount_codes: (order.discountCodes ?? []).map((code) => ({ code, amount: null, type: null })),
    discount_applications: (order.discountApplications?.nodes ?? []).map((application) => ({
      type: application.code ? "discount_code" : null,
      code: application.code ?? null,
      allocation_method: lower(application.allocationMethod),
      target_selection: lower(application.targetSelection),
      target_type: lower(application.targetType),
      value: application.value?.amount ?? application.value?.percentage?.toString() ?? null,
      value_type: application.value?.percentage !== undefined ? "percentage" : "fixed_amount",
    })),
    line_items: (order.lineItems?.nodes ?? []).map((line) => ({
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
      price: line.originalUnitPriceSet?.shopMoney.amount ?? null,
      price_set: restMoney(line.originalUnitPriceSet),
      tax_lines: restTaxLines(line.taxLines),
      discount_allocations: restAllocations(line.discountAllocations),
    })),
    shipping_lines: (order.shippingLines?.nodes ?? []).map((line) => ({
      id: line.id ? gidTail(line.id) : null,
      title: line.title ?? null,
      code: line.code ?? null,
      source: line.source ?? null,
      price: line.originalPriceSet?.shopMoney.amount ?? null,
      price_set: restMoney(line.originalPriceSet),
      discounted_price: line.discountedPriceSet?.shopMoney.amount ?? null,
      discounted_price_set: restMoney(line.discountedPriceSet),
      tax_lines: restTaxLines(line.taxLines),
      discount_allocations: restAllocations(line.discountAllocations),
    })),
    refunds: (order.refunds ?? []).map((refund) => ({
      id: refund.legacyResourceId,
      order_id: orderId,
      created_at: refund.createdAt ?? null,
      processed_at: refund.processedAt ?? null,
      note: refund.note ?? null,
      refund_line_items: (refund.refundLineItems?.nodes ?? []).map((item) => ({
        line_item_id: gidTail(item.lineItem.id),
        quantity: item.quantity,
        restock_type: lower(item.restockType),
        subtotal: item.subtotalSet?.shopMoney.amount ?? null,
        subtotal_set: restMoney(item.subtotalSet),
        total_tax: item.totalTaxSet?.shopMoney.amount ?? null,
        total_tax_set: restMoney(item.totalTaxSet),
      })),
      order_adjustments: (refund.orderAdjustments?.nodes ?? []).map((adjustment) => ({
        kind: lower(adjustment.reason),
        amount: adjustment.amountSet?.shopMoney.amount ?? null,
        amount_set: restMoney(adjustment.amountSet),
        tax_amount: adjustment.taxAmountSet?.shopMoney.amount ?? null,
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
    })),
    ...(order.metafield
      ? { metafields: [{ namespace: "$app", key: "diller_consent", value: order.metafield.value }] }
      : {}),
  };
}
