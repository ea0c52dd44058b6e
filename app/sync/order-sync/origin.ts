import type { Shop } from "~/db.server";
import type { ShopifyOrder } from "~/shopify/payloads/order";

/** Where Diller is told the order was placed. */
export interface OrderOrigin {
  /** Diller's business channel: "OnlineStore" or "POS". */
  channel: string;
  departmentId: string | null;
}

/**
 * The one place that decides an order's origin, so that its transaction, its coupon reservations
 * and its cancellation always name the same channel and department.
 */
export function orderOrigin(shopRow: Pick<Shop, "dillerDepartmentId">, _order: ShopifyOrder): OrderOrigin {
  return { channel: "OnlineStore", departmentId: shopRow.dillerDepartmentId };
}
