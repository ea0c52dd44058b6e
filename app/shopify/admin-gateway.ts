import type { LoyaltyConsent } from "./consent";

/** Admin API data about a variant (fallback: its product) that the webhook payload lacks. */
export interface ProductInfo {
  productType?: string | null;
  vendor?: string | null;
  barcode?: string | null;
}

/**
 * What the sync engine asks of Shopify's Admin API, as one narrow port. The GraphQL implementation
 * is app/shopify/admin-gateway.server.ts; tests substitute an in-memory one.
 */
export interface ShopifyAdminGateway {
  /** Product type, vendor and barcode per variant id (numeric), for transaction lines. */
  productInfo(shop: string, variantIds: string[]): Promise<Map<string, ProductInfo>>;
  /** The loyalty consent copied from the cart to the order (`$app:diller_consent`), if any. */
  orderConsent(shop: string, orderId: string): Promise<LoyaltyConsent | null>;
  /** The loyalty consent stored on a customer (`$app:diller_consent`), if any. */
  customerConsent(shop: string, customerId: string): Promise<LoyaltyConsent | null>;
  /** Records a shopper's loyalty consent on the customer: metafield, tag, and email marketing consent when given. */
  storeCustomerConsent(shop: string, customerId: string, consent: LoyaltyConsent & { memberId: string }): Promise<void>;
  /** One page of the orders matching an Admin API search, as REST-shaped order payloads. */
  searchOrders(
    shop: string,
    search: OrderSearch,
    cursor?: string,
  ): Promise<{ orders: ReconciledOrder[]; nextCursor: string | null }>;
  /** How many orders match the search (for progress bars). */
  countOrders(shop: string, search: OrderSearch): Promise<number>;
}

export interface ReconciledOrder {
  orderId: string;
  updatedAt: Date;
  /** The order in the webhook payload's shape, so it folds like any other order event. */
  payloadJson: string;
}

/** Tag put on customers who joined the loyalty program through the app. */
export const MEMBER_TAG = "diller-member";

/** Orders updated (reconciliation) or created (backfill) at or after a point in time. */
export interface OrderSearch {
  field: "updated_at" | "created_at";
  since: Date;
}

export function orderSearchQuery({ field, since }: OrderSearch): string {
  return `${field}:>='${since.toISOString()}'`;
}
