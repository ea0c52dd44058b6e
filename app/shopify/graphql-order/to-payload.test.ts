import { describe, expect, it } from "vitest";

import { GraphqlOrderSchema } from "./order-schema";
import { graphqlOrderToPayload } from "./to-payload";

const money = (amount: string, currencyCode = "NOK") => ({ amount, currencyCode });
const bag = (amount: string, presentment?: ReturnType<typeof money>) => ({
  shopMoney: money(amount),
  presentmentMoney: presentment ?? null,
});
const restBag = (amount: string, presentment = money(amount)) => ({
  shop_money: { amount, currency_code: "NOK" },
  presentment_money: { amount: presentment.amount, currency_code: presentment.currencyCode },
});

/** The least a reconciliation node carries: ids, update time and currency. */
const minimalOrder = {
  id: "gid://shopify/Order/1001",
  legacyResourceId: "1001",
  updatedAt: "2025-03-01T10:00:00Z",
  currencyCode: "NOK",
};

const BEYOND_2_53 = "9007199254740993"; // 2^53 + 1: a JSON number would round it to …992

const line = {
  id: `gid://shopify/LineItem/${BEYOND_2_53}`,
  quantity: 2,
  title: "Snowboard",
  variant: { legacyResourceId: BEYOND_2_53 },
  product: { legacyResourceId: 42 },
  originalUnitPriceSet: bag("500.00"),
  taxLines: [{ title: "MVA", rate: 0.25, priceSet: bag("200.00") }],
  discountAllocations: [{ allocatedAmountSet: bag("100.00"), discountApplication: { index: 0 } }],
};

describe("graphqlOrderToPayload", () => {
  it.each([
    {
      case: "a minimal order: optional fields become null, lists empty, flags false",
      order: {},
      payload: {
        id: "1001",
        admin_graphql_api_id: "gid://shopify/Order/1001",
        name: null,
        email: null,
        test: false,
        taxes_included: false,
        currency: "NOK",
        presentment_currency: "NOK",
        financial_status: null,
        fulfillment_status: null,
        customer: null,
        billing_address: null,
        total_price: null,
        total_price_set: null,
        payment_gateway_names: [],
        tax_lines: [],
        discount_codes: [],
        discount_applications: [],
        line_items: [],
        shipping_lines: [],
        refunds: [],
      },
    },
    {
      case: "an id beyond 2^53 given as text keeps every digit",
      order: { legacyResourceId: BEYOND_2_53, lineItems: { nodes: [line] } },
      payload: {
        id: BEYOND_2_53,
        line_items: [{ id: BEYOND_2_53, variant_id: BEYOND_2_53, product_id: "42" }],
      },
    },
    {
      case: "money sets: shop money for the amount, presentment money falls back to shop money",
      order: {
        presentmentCurrencyCode: "EUR",
        totalPriceSet: bag("1000.00", money("88.00", "EUR")),
        subtotalPriceSet: bag("800.00"),
        totalDiscountsSet: bag("100.00"),
      },
      payload: {
        presentment_currency: "EUR",
        total_price: "1000.00",
        total_price_set: restBag("1000.00", money("88.00", "EUR")),
        subtotal_price: "800.00",
        subtotal_price_set: restBag("800.00"),
        total_discounts: "100.00",
      },
    },
    {
      case: "statuses are lower-cased as in webhooks",
      order: { displayFinancialStatus: "PARTIALLY_REFUNDED", displayFulfillmentStatus: "FULFILLED" },
      payload: { financial_status: "partially_refunded", fulfillment_status: "fulfilled" },
    },
    {
      case: "a customer without an order email lends the order its email",
      order: {
        customer: {
          legacyResourceId: 77,
          firstName: "Kari",
          defaultEmailAddress: { emailAddress: "kari@example.com" },
          defaultPhoneNumber: { phoneNumber: "+4799999999" },
        },
      },
      payload: {
        email: "kari@example.com",
        customer: { id: "77", first_name: "Kari", last_name: null, email: "kari@example.com", phone: "+4799999999" },
      },
    },
    {
      case: "the order's own email wins over the customer's",
      order: {
        email: "order@example.com",
        customer: { legacyResourceId: "77", defaultEmailAddress: { emailAddress: "kari@example.com" } },
      },
      payload: { email: "order@example.com" },
    },
    {
      case: "discount codes and applications: percentage and fixed amounts",
      order: {
        discountCodes: ["SUMMER"],
        discountApplications: {
          nodes: [
            { code: "SUMMER", allocationMethod: "ACROSS", targetType: "LINE_ITEM", value: { percentage: 10 } },
            { allocationMethod: "EACH", targetSelection: "ENTITLED", value: { amount: "50.00" } },
          ],
        },
      },
      payload: {
        discount_codes: [{ code: "SUMMER", amount: null, type: null }],
        discount_applications: [
          {
            type: "discount_code",
            code: "SUMMER",
            allocation_method: "across",
            target_selection: null,
            target_type: "line_item",
            value: "10",
            value_type: "percentage",
          },
          {
            type: null,
            code: null,
            allocation_method: "each",
            target_selection: "entitled",
            target_type: null,
            value: "50.00",
            value_type: "fixed_amount",
          },
        ],
      },
    },
    {
      case: "a line item with price, taxes and discount allocations",
      order: { lineItems: { nodes: [line] } },
      payload: {
        line_items: [
          {
            title: "Snowboard",
            quantity: 2,
            current_quantity: null,
            gift_card: false,
            taxable: null,
            price: "500.00",
            price_set: restBag("500.00"),
            tax_lines: [{ title: "MVA", rate: 0.25, price: "200.00", price_set: restBag("200.00") }],
            discount_allocations: [{ amount: "100.00", amount_set: restBag("100.00"), discount_application_index: 0 }],
          },
        ],
      },
    },
    {
      case: "a shipping line with and without a discount",
      order: {
        shippingLines: {
          nodes: [
            {
              id: "gid://shopify/ShippingLine/5",
              title: "Post",
              originalPriceSet: bag("99.00"),
              discountedPriceSet: bag("49.00"),
            },
            { title: "Pickup", originalPriceSet: null, discountedPriceSet: null },
          ],
        },
      },
      payload: {
        shipping_lines: [
          {
            id: "5",
            title: "Post",
            price: "99.00",
            discounted_price: "49.00",
            tax_lines: [],
            discount_allocations: [],
          },
          { id: null, title: "Pickup", price: null, price_set: null, discounted_price: null },
        ],
      },
    },
    {
      case: "a refund with a returned line, an adjustment, shipping and a transaction",
      order: {
        refunds: [
          {
            legacyResourceId: BEYOND_2_53,
            note: "damaged",
            refundLineItems: {
              nodes: [
                {
                  quantity: 1,
                  restockType: "RETURN",
                  subtotalSet: bag("400.00"),
                  totalTaxSet: bag("80.00"),
                  lineItem: { id: "gid://shopify/LineItem/9" },
                },
              ],
            },
            orderAdjustments: {
              nodes: [{ reason: "SHIPPING_REFUND", amountSet: bag("-10.00"), taxAmountSet: null }],
            },
            refundShippingLines: {
              nodes: [{ shippingLine: { id: "gid://shopify/ShippingLine/5" }, subtotalAmountSet: bag("49.00") }],
            },
            transactions: {
              nodes: [
                { kind: "REFUND", status: "SUCCESS", gateway: "manual", amountSet: bag("449.00", money("40", "EUR")) },
              ],
            },
          },
        ],
      },
      payload: {
        refunds: [
          {
            id: BEYOND_2_53,
            order_id: "1001",
            created_at: null,
            note: "damaged",
            refund_line_items: [
              {
                line_item_id: "9",
                quantity: 1,
                restock_type: "return",
                subtotal: "400.00",
                subtotal_set: restBag("400.00"),
                total_tax: "80.00",
                total_tax_set: restBag("80.00"),
              },
            ],
            order_adjustments: [{ kind: "shipping_refund", amount: "-10.00", tax_amount: null, tax_amount_set: null }],
            refund_shipping_lines: [
              { shipping_line_id: "5", subtotal_amount_set: restBag("49.00"), tax_amount_set: null },
            ],
            transactions: [{ kind: "refund", status: "success", gateway: "manual", amount: "40", currency: "EUR" }],
          },
        ],
      },
    },
    {
      case: "the consent metafield becomes the app's diller_consent metafield",
      order: { metafield: { value: '{"consent":true}' } },
      payload: { metafields: [{ namespace: "$app", key: "diller_consent", value: '{"consent":true}' }] },
    },
  ])("GIVEN $case", ({ order, payload }) => {
    const parsed = GraphqlOrderSchema.parse({ ...minimalOrder, ...order });
    expect(graphqlOrderToPayload(parsed)).toMatchObject(payload);
  });

  it("leaves metafields out when the order has no consent metafield", () => {
    expect(graphqlOrderToPayload(GraphqlOrderSchema.parse(minimalOrder))).not.toHaveProperty("metafields");
  });

  it.each([
    { case: "no updatedAt", order: { ...minimalOrder, updatedAt: undefined } },
    { case: "a line item without a quantity", order: { ...minimalOrder, lineItems: { nodes: [{ id: "gid://x/1" }] } } },
    { case: "a money set without shop money", order: { ...minimalOrder, totalPriceSet: money("1.00") } },
  ])("rejects a node with $case", ({ order }) => {
    expect(GraphqlOrderSchema.safeParse(order).success).toBe(false);
  });
});
