/** Admin GraphQL operations for the discount codes minted for Diller coupons (app/shopify/discounts.server.ts). */

export const DISCOUNT_CODE_BASIC_CREATE_MUTATION = `#graphql
  mutation DillerDiscountCodeBasicCreate($input: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $input) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }
`;

export const DISCOUNT_CODE_FREE_SHIPPING_CREATE_MUTATION = `#graphql
  mutation DillerDiscountCodeFreeShippingCreate($input: DiscountCodeFreeShippingInput!) {
    discountCodeFreeShippingCreate(freeShippingCodeDiscount: $input) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }
`;

export const DISCOUNT_CODE_DEACTIVATE_MUTATION = `#graphql
  mutation DillerDiscountCodeDeactivate($id: ID!) {
    discountCodeDeactivate(id: $id) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }
`;

export const DISCOUNT_CODE_NODE_QUERY = `#graphql
  query DillerDiscountCodeNode($id: ID!) {
    codeDiscountNode(id: $id) {
      id
      codeDiscount {
        __typename
        ... on DiscountCodeBasic { status }
        ... on DiscountCodeFreeShipping { status }
      }
    }
  }
`;

export const DISCOUNT_CODE_BY_CODE_QUERY = `#graphql
  query DillerDiscountCodeByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount {
        __typename
        ... on DiscountCodeBasic { status }
        ... on DiscountCodeFreeShipping { status }
      }
    }
  }
`;
