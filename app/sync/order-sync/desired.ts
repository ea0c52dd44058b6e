import { mapOrderToTransaction, TransactionMappingError } from "~/loyalty/order-to-transaction";
import type { Origin } from "~/loyalty/origin";
import { classifyRefunds, mapOrderRemainder } from "~/loyalty/refunds";
import type { ProductInfo } from "~/shopify/admin-gateway";
import type { ShopifyOrder } from "~/shopify/payloads/order";
import type { ShopifyRefund } from "~/shopify/payloads/refund";

import { orderExternalId, remainderExternalId } from "../order-progress";
import type { DesiredTransaction } from "./steps";

export interface DesiredInput {
  shop: string;
  orderId: string;
  order: ShopifyOrder;
  refunds: ShopifyRefund[];
  origin: Origin;
  includeShipping: boolean;
  products: ReadonlyMap<string, ProductInfo>;
  couponCodes: string[];
}

export type DesiredOutcome = { desired: DesiredTransaction | null } | { problem: string; cause: unknown };

/** What should stand in Diller for a bookable order: the order, what remains of it after refunds, or nothing. */
export function desiredTransaction({
  shop,
  orderId,
  order,
  refunds,
  origin,
  includeShipping,
  products,
  couponCodes,
}: DesiredInput): DesiredOutcome {
  const baseExternalId = orderExternalId(shop, orderId);
  const options = {
    externalId: baseExternalId,
    origin,
    systemId: `shopify:${shop}`,
    includeShipping,
    products,
    couponCodes,
  };
  try {
    const classification = classifyRefunds(order, refunds, { includeShipping });
    if (classification === "full") return { desired: null };
    if (classification === "none")
      return {
        desired: { externalId: baseExternalId, kind: "original", mapped: mapOrderToTransaction(order, options) },
      };
    const externalId = remainderExternalId(shop, order.id, refunds.length);
    const remainder = mapOrderRemainder(order, refunds, { ...options, externalId });
    return { desired: remainder ? { externalId, kind: "remainder", mapped: remainder } : null };
  } catch (error) {
    if (!(error instanceof TransactionMappingError)) throw error;
    return { problem: `The order cannot be mapped to a Diller transaction: ${error.message}`, cause: error };
  }
}
