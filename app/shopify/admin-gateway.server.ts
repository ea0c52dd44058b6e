import { z } from "zod";

import type { Logger } from "~/logger.server";
import { CONSENT_METAFIELD_KEY, parseConsent } from "./consent";

import {
  MEMBER_TAG,
  orderSearchQuery,
  type ProductInfo,
  type ReconciledOrder,
  type ShopifyAdminGateway,
} from "./admin-gateway";
import {
  CUSTOMER_CONSENT_QUERY,
  EMAIL_MARKETING_CONSENT_MUTATION,
  ORDER_CONSENT_QUERY,
  ORDERS_COUNT_QUERY,
  PRODUCT_INFO_QUERY,
  RECONCILE_ORDERS_QUERY,
  STORE_CUSTOMER_CONSENT_MUTATION,
} from "./admin.graphql";
import { GraphqlOrderSchema } from "./graphql-order/order-schema";
import { graphqlOrderToPayload } from "./graphql-order/to-payload";

/** Runs one Admin GraphQL operation for a shop (offline session) and returns its `data`. */
export type AdminGraphql = (shop: string, query: string, variables?: Record<string, unknown>) => Promise<unknown>;

export class AdminApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AdminApiError";
  }
}

const UserErrors = z.array(z.object({ field: z.array(z.string()).nullish(), message: z.string() }));
const RECONCILE_PAGE_SIZE = 50;

const gid = (type: string, id: string) => `gid://shopify/${type}/${id}`;

function parse<T extends z.ZodType>(schema: T, data: unknown, operation: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success)
    throw new AdminApiError(`unexpected ${operation} response: ${result.error.issues[0]?.message ?? ""}`);
  return result.data;
}

function assertNoUserErrors(errors: z.infer<typeof UserErrors>, operation: string) {
  if (errors.length > 0) throw new AdminApiError(`${operation}: ${errors.map((error) => error.message).join("; ")}`);
}

/** The Admin GraphQL implementation of the sync engine's Shopify port. */
export function createAdminGateway({
  graphql,
  logger,
}: {
  graphql: AdminGraphql;
  logger: Logger;
}): ShopifyAdminGateway {
  const metafieldValue = z.object({ metafield: z.object({ value: z.string() }).nullish() }).nullish();

  return {
    async productInfo(shop, variantIds) {
      const unique = [...new Set(variantIds)].slice(0, 250);
      const data = await graphql(shop, PRODUCT_INFO_QUERY, { ids: unique.map((id) => gid("ProductVariant", id)) });
      const { nodes } = parse(
        z.object({
          nodes: z.array(
            z
              .object({
                legacyResourceId: z.union([z.string(), z.number()]).transform(String),
                barcode: z.string().nullish(),
                product: z.object({ productType: z.string().nullish(), vendor: z.string().nullish() }).nullish(),
              })
              .nullable()
              .catch(null),
          ),
        }),
        data,
        "DillerProductInfo",
      );
      const info = new Map<string, ProductInfo>();
      for (const node of nodes) {
        if (!node) continue;
        info.set(node.legacyResourceId, {
          productType: node.product?.productType ?? null,
          vendor: node.product?.vendor ?? null,
          barcode: node.barcode ?? null,
        });
      }
      return info;
    },

    async orderConsent(shop, orderId) {
      const data = await graphql(shop, ORDER_CONSENT_QUERY, { id: gid("Order", orderId) });
      return parseConsent(
        parse(z.object({ order: metafieldValue }), data, "DillerOrderConsent").order?.metafield?.value,
      );
    },

    async customerConsent(shop, customerId) {
      const data = await graphql(shop, CUSTOMER_CONSENT_QUERY, { id: gid("Customer", customerId) });
      return parseConsent(
        parse(z.object({ customer: metafieldValue }), data, "DillerCustomerConsent").customer?.metafield?.value,
      );
    },

    async storeCustomerConsent(shop, customerId, consent) {
      const ownerId = gid("Customer", customerId);
      const value = JSON.stringify({
        membership: consent.membership,
        marketing: consent.marketing,
        memberId: consent.memberId,
        ...(consent.capturedAt ? { capturedAt: consent.capturedAt } : {}),
        ...(consent.textVersion ? { textVersion: consent.textVersion } : {}),
      });
      const data = await graphql(shop, STORE_CUSTOMER_CONSENT_MUTATION, {
        customerId: ownerId,
        tags: [MEMBER_TAG],
        metafields: [{ ownerId, namespace: "$app", key: CONSENT_METAFIELD_KEY, type: "json", value }],
      });
      const result = parse(
        z.object({
          metafieldsSet: z.object({ userErrors: UserErrors }).nullish(),
          tagsAdd: z.object({ userErrors: UserErrors }).nullish(),
        }),
        data,
        "DillerStoreCustomerConsent",
      );
      assertNoUserErrors(result.metafieldsSet?.userErrors ?? [], "metafieldsSet");
      assertNoUserErrors(result.tagsAdd?.userErrors ?? [], "tagsAdd");
      if (!consent.marketing) return;
      const marketing = await graphql(shop, EMAIL_MARKETING_CONSENT_MUTATION, {
        input: {
          customerId: ownerId,
          emailMarketingConsent: {
            marketingState: "SUBSCRIBED",
            marketingOptInLevel: "SINGLE_OPT_IN",
            consentUpdatedAt: consent.capturedAt,
          },
        },
      });
      const marketingResult = parse(
        z.object({ customerEmailMarketingConsentUpdate: z.object({ userErrors: UserErrors }).nullish() }),
        marketing,
        "DillerEmailMarketingConsent",
      );
      // A customer without an email cannot subscribe; the loyalty consent itself is stored already.
      const errors = marketingResult.customerEmailMarketingConsentUpdate?.userErrors ?? [];
      if (errors.length > 0)
        logger.warn("email marketing consent not recorded in Shopify", {
          shop,
          messages: errors.map((error) => error.message),
        });
    },

    async countOrders(shop, search) {
      const data = await graphql(shop, ORDERS_COUNT_QUERY, { query: orderSearchQuery(search) });
      return (
        parse(z.object({ ordersCount: z.object({ count: z.number().int() }).nullish() }), data, "DillerOrdersCount")
          .ordersCount?.count ?? 0
      );
    },

    async searchOrders(shop, search, cursor) {
      const data = await graphql(shop, RECONCILE_ORDERS_QUERY, {
        first: RECONCILE_PAGE_SIZE,
        after: cursor ?? null,
        query: orderSearchQuery(search),
      });
      const page = parse(
        z.object({
          orders: z.object({
            pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
            nodes: z.array(z.unknown()),
          }),
        }),
        data,
        "DillerReconcileOrders",
      );
      const orders: ReconciledOrder[] = [];
      for (const node of page.orders.nodes) {
        const order = GraphqlOrderSchema.safeParse(node);
        if (!order.success) {
          logger.warn("reconciliation skipped an unreadable order", { shop, issue: order.error.issues[0]?.message });
          continue;
        }
        orders.push({
          orderId: order.data.legacyResourceId,
          updatedAt: new Date(order.data.updatedAt),
          payloadJson: JSON.stringify(graphqlOrderToPayload(order.data)),
        });
      }
      return { orders, nextCursor: page.orders.pageInfo.hasNextPage ? (page.orders.pageInfo.endCursor ?? null) : null };
    },
  };
}
