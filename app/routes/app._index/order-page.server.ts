import type { Database, OrderSyncState } from "~/db.server";
import { listOrderSyncs } from "~/sync/sync-status.server";

import type { OrderRowView } from "~/admin/views";

export { decodeCursor, encodeCursor } from "~/sync/sync-status.server";

export interface OrderPageQuery {
  state?: OrderSyncState;
  /** "#1001", "1001" (order name) or a numeric order id. */
  search?: string;
  after?: string;
  limit: number;
}

/** One page of the dashboard's order table (`listOrderSyncs`, shaped for the browser). */
export async function listOrderPage(
  db: Database,
  shop: string,
  query: OrderPageQuery,
): Promise<{ rows: OrderRowView[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await listOrderSyncs(db, shop, query);
  return {
    rows: rows.map(({ totalSent: _totalSent, currency: _currency, ...row }) => ({
      ...row,
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor,
  };
}
