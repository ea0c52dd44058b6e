/**
 * Shopify's discount codes, in memory, as answers for the fake Admin API (tests/shopify-admin-fake.ts):
 * the create, look-up and deactivate operations of app/shopify/discounts.server.ts. Codes are unique
 * per shop, case-insensitively, as in Shopify.
 */
import type { OperationResolver } from "./shopify-admin-fake";

export interface FakeDiscount {
  id: string;
  shop: string;
  code: string;
  mutation: string;
  input: Record<string, unknown>;
  status: "ACTIVE" | "EXPIRED";
}

export interface FakeDiscounts {
  byCode(code: string): FakeDiscount | undefined;
  all(): FakeDiscount[];
  /** The merchant deletes a discount in the Shopify admin. */
  remove(code: string): void;
  resolvers: Record<string, OperationResolver>;
}

export function fakeDiscounts(): FakeDiscounts {
  const discounts: FakeDiscount[] = [];
  let next = 1;
  const find = (shop: string, code: string) =>
    discounts.find((discount) => discount.shop === shop && discount.code.toUpperCase() === code.toUpperCase());
  const node = (discount: FakeDiscount | undefined) =>
    discount
      ? {
          id: discount.id,
          codeDiscount: {
            __typename:
              discount.mutation === "discountCodeFreeShippingCreate" ? "DiscountCodeFreeShipping" : "DiscountCodeBasic",
            status: discount.status,
          },
        }
      : null;
  const create = (mutation: string) => (variables: Record<string, unknown>, shop: string) => {
    const input: Record<string, unknown> =
      typeof variables.input === "object" && variables.input !== null ? { ...variables.input } : {};
    const code = String(input.code);
    if (find(shop, code))
      return {
        [mutation]: {
          codeDiscountNode: null,
          userErrors: [{ field: ["input", "code"], message: "Code must be unique.", code: "TAKEN" }],
        },
      };
    const discount: FakeDiscount = {
      id: `gid://shopify/DiscountCodeNode/${next++}`,
      shop,
      code,
      mutation,
      input,
      status: "ACTIVE",
    };
    discounts.push(discount);
    return { [mutation]: { codeDiscountNode: { id: discount.id }, userErrors: [] } };
  };
  return {
    byCode: (code) => discounts.find((discount) => discount.code.toUpperCase() === code.toUpperCase()),
    all: () => [...discounts],
    remove(code) {
      const index = discounts.findIndex((discount) => discount.code.toUpperCase() === code.toUpperCase());
      if (index >= 0) discounts.splice(index, 1);
    },
    resolvers: {
      DillerDiscountCodeBasicCreate: create("discountCodeBasicCreate"),
      DillerDiscountCodeFreeShippingCreate: create("discountCodeFreeShippingCreate"),
      DillerDiscountCodeNode: (variables, shop) => ({
        codeDiscountNode: node(discounts.find((discount) => discount.shop === shop && discount.id === variables.id)),
      }),
      DillerDiscountCodeByCode: (variables, shop) => ({
        codeDiscountNodeByCode: node(find(shop, String(variables.code))),
      }),
      DillerDiscountCodeDeactivate: (variables, shop) => {
        const discount = discounts.find((candidate) => candidate.shop === shop && candidate.id === variables.id);
        if (!discount)
          return {
            discountCodeDeactivate: {
              codeDiscountNode: null,
              userErrors: [{ field: ["id"], message: "Discount does not exist", code: null }],
            },
          };
        discount.status = "EXPIRED";
        return { discountCodeDeactivate: { codeDiscountNode: { id: discount.id }, userErrors: [] } };
      },
    },
  };
}
