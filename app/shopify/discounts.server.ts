import { z } from "zod";

import { AdminApiError, type AdminGraphql } from "./admin-gateway.server";
import {
  DISCOUNT_CODE_BASIC_CREATE_MUTATION,
  DISCOUNT_CODE_BY_CODE_QUERY,
  DISCOUNT_CODE_DEACTIVATE_MUTATION,
  DISCOUNT_CODE_FREE_SHIPPING_CREATE_MUTATION,
  DISCOUNT_CODE_NODE_QUERY,
} from "./discounts.graphql";

/** A discount code input for one of the two create mutations (built by app/checkout/discount-input.ts). */
export interface DiscountCreateRequest {
  mutation: "discountCodeBasicCreate" | "discountCodeFreeShippingCreate";
  input: Record<string, unknown>;
}

export type DiscountCreateResult = { created: true; discountId: string } | { created: false; codeTaken: true };

/** A code discount's state: usable now (or later), ended/deactivated, or gone. */
export type DiscountState = "active" | "inactive" | "missing";

/** The Admin API calls behind the minted discount codes, as one narrow port (tests use the fake Admin API). */
export interface DiscountGateway {
  create(shop: string, request: DiscountCreateRequest): Promise<DiscountCreateResult>;
  /** The discount that owns `code` in this shop, if any. */
  findByCode(shop: string, code: string): Promise<{ discountId: string; state: DiscountState } | null>;
  state(shop: string, discountId: string): Promise<DiscountState>;
  /** Ends the discount now, so Shopify itself rejects the code; a discount already gone is fine. */
  deactivate(shop: string, discountId: string): Promise<void>;
}

const UserErrors = z.array(
  z.object({ field: z.array(z.string()).nullish(), message: z.string(), code: z.string().nullish() }),
);
const Result = z.object({ codeDiscountNode: z.object({ id: z.string() }).nullish(), userErrors: UserErrors }).nullish();
const Node = z
  .object({
    id: z.string(),
    codeDiscount: z.object({ __typename: z.string(), status: z.string().nullish() }).nullish(),
  })
  .nullish();

function parse<T extends z.ZodType>(schema: T, data: unknown, operation: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new AdminApiError(`unexpected ${operation} response`);
  return result.data;
}

function stateOf(node: z.infer<typeof Node>): DiscountState {
  if (!node) return "missing";
  const status = node.codeDiscount?.status;
  return status === "ACTIVE" || status === "SCHEDULED" ? "active" : "inactive";
}

export function createDiscountGateway({ graphql }: { graphql: AdminGraphql }): DiscountGateway {
  return {
    async create(shop, { mutation, input }) {
      const query =
        mutation === "discountCodeBasicCreate"
          ? DISCOUNT_CODE_BASIC_CREATE_MUTATION
          : DISCOUNT_CODE_FREE_SHIPPING_CREATE_MUTATION;
      const data = parse(z.record(z.string(), Result), await graphql(shop, query, { input }), mutation);
      const result = data[mutation];
      if (!result) throw new AdminApiError(`${mutation}: no result`);
      if (result.userErrors.some((error) => error.code === "TAKEN")) return { created: false, codeTaken: true };
      if (result.userErrors.length > 0 || !result.codeDiscountNode)
        throw new AdminApiError(`${mutation}: ${result.userErrors.map((error) => error.message).join("; ")}`);
      return { created: true, discountId: result.codeDiscountNode.id };
    },

    async findByCode(shop, code) {
      const data = await graphql(shop, DISCOUNT_CODE_BY_CODE_QUERY, { code });
      const node = parse(
        z.object({ codeDiscountNodeByCode: Node }),
        data,
        "DillerDiscountCodeByCode",
      ).codeDiscountNodeByCode;
      return node ? { discountId: node.id, state: stateOf(node) } : null;
    },

    async state(shop, discountId) {
      const data = await graphql(shop, DISCOUNT_CODE_NODE_QUERY, { id: discountId });
      return stateOf(parse(z.object({ codeDiscountNode: Node }), data, "DillerDiscountCodeNode").codeDiscountNode);
    },

    async deactivate(shop, discountId) {
      const data = await graphql(shop, DISCOUNT_CODE_DEACTIVATE_MUTATION, { id: discountId });
      const result = parse(
        z.object({ discountCodeDeactivate: Result }),
        data,
        "DillerDiscountCodeDeactivate",
      ).discountCodeDeactivate;
      const errors = result?.userErrors ?? [];
      // A discount deleted by the merchant leaves nothing to deactivate.
      const real = errors.filter((error) => !/not exist|not found/i.test(error.message));
      if (real.length > 0)
        throw new AdminApiError(`discountCodeDeactivate: ${real.map((error) => error.message).join("; ")}`);
    },
  };
}
