/**
 * The Admin GraphQL operations of the sync engine. `#graphql` tags let `npm run graphql:codegen`
 * check them against the committed 2026-07 schema and type their results (app/types/).
 */

const MONEY = `#graphql
  fragment DillerMoney on MoneyBag {
    shopMoney { amount currencyCode }
    presentmentMoney { amount currencyCode }
  }
`;

const ADDRESS = `#graphql
  fragment DillerAddress on MailingAddress {
    firstName lastName address1 address2 city zip provinceCode countryCodeV2 phone
  }
`;

export const PRODUCT_INFO_QUERY = `#graphql
  query DillerProductInfo($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        legacyResourceId
        barcode
        product { productType vendor }
      }
    }
  }
`;

export const ORDER_CONSENT_QUERY = `#graphql
  query DillerOrderConsent($id: ID!) {
    order(id: $id) {
      metafield(namespace: "$app", key: "diller_consent") { value }
    }
  }
`;

export const CUSTOMER_CONSENT_QUERY = `#graphql
  query DillerCustomerConsent($id: ID!) {
    customer(id: $id) {
      metafield(namespace: "$app", key: "diller_consent") { value }
    }
  }
`;

export const STORE_CUSTOMER_CONSENT_MUTATION = `#graphql
  mutation DillerStoreCustomerConsent($metafields: [MetafieldsSetInput!]!, $customerId: ID!, $tags: [String!]!) {
    metafieldsSet(metafields: $metafields) { userErrors { field message } }
    tagsAdd(id: $customerId, tags: $tags) { userErrors { field message } }
  }
`;

export const EMAIL_MARKETING_CONSENT_MUTATION = `#graphql
  mutation DillerEmailMarketingConsent($input: CustomerEmailMarketingConsentUpdateInput!) {
    customerEmailMarketingConsentUpdate(input: $input) { userErrors { field message } }
  }
`;

export const ORDERS_COUNT_QUERY = `#graphql
  query DillerOrdersCount($query: String!) {
    ordersCount(query: $query, limit: null) { count precision }
  }
`;

export const RECONCILE_ORDERS_QUERY = `#graphql
  ${MONEY}
  ${ADDRESS}
  query DillerReconcileOrders($first: Int!, $after: String, $query: String!) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id legacyResourceId name email phone test
        createdAt processedAt updatedAt cancelledAt
        currencyCode presentmentCurrencyCode taxesIncluded
        displayFinancialStatus displayFulfillmentStatus
        paymentGatewayNames discountCodes
        sourceName retailLocation { legacyResourceId }
        customer {
          legacyResourceId firstName lastName
          defaultEmailAddress { emailAddress }
          defaultPhoneNumber { phoneNumber }
        }
        billingAddress { ...DillerAddress }
        shippingAddress { ...DillerAddress }
        totalPriceSet { ...DillerMoney }
        subtotalPriceSet { ...DillerMoney }
        totalTaxSet { ...DillerMoney }
        totalDiscountsSet { ...DillerMoney }
        totalShippingPriceSet { ...DillerMoney }
        totalTipReceivedSet { ...DillerMoney }
        totalOutstandingSet { ...DillerMoney }
        currentTotalPriceSet { ...DillerMoney }
        originalTotalDutiesSet { ...DillerMoney }
        originalTotalAdditionalFeesSet { ...DillerMoney }
        taxLines { title rate priceSet { ...DillerMoney } }
        discountApplications(first: 25) {
          nodes {
            allocationMethod targetSelection targetType
            value {
              ... on MoneyV2 { amount }
              ... on PricingPercentageValue { percentage }
            }
            ... on DiscountCodeApplication { code }
          }
        }
        lineItems(first: 250) {
          nodes {
            id title variantTitle name sku vendor quantity currentQuantity isGiftCard taxable
            variant { legacyResourceId }
            product { legacyResourceId }
            originalUnitPriceSet { ...DillerMoney }
            taxLines { title rate priceSet { ...DillerMoney } }
            discountAllocations { allocatedAmountSet { ...DillerMoney } discountApplication { index } }
          }
        }
        shippingLines(first: 25) {
          nodes {
            id title code source
            originalPriceSet { ...DillerMoney }
            discountedPriceSet { ...DillerMoney }
            taxLines { title rate priceSet { ...DillerMoney } }
            discountAllocations { allocatedAmountSet { ...DillerMoney } discountApplication { index } }
          }
        }
        refunds {
          legacyResourceId createdAt processedAt note
          refundLineItems(first: 250) {
            nodes { quantity restockType subtotalSet { ...DillerMoney } totalTaxSet { ...DillerMoney } lineItem { id } }
          }
          orderAdjustments(first: 25) { nodes { reason amountSet { ...DillerMoney } taxAmountSet { ...DillerMoney } } }
          refundShippingLines(first: 25) {
            nodes { shippingLine { id } subtotalAmountSet { ...DillerMoney } taxAmountSet { ...DillerMoney } }
          }
          transactions(first: 25) {
            nodes { kind status gateway amountSet { ...DillerMoney } location { legacyResourceId } }
          }
        }
        metafield(namespace: "$app", key: "diller_consent") { value }
      }
    }
  }
`;
