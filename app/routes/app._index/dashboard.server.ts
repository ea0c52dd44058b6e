import type { Database, Shop } from "~/db.server";
import { safeTimeZone } from "~/i18n/format";
import { countOrderSyncs, type SyncCounts } from "~/sync/sync-status.server";
import { summarizeWebhooks, type WebhookSummary } from "~/webhooks/summary.server";

import { CHART_KINDS, dayFigures, dayWindows, totalsOf, type DayFigures } from "~/admin/activity-series";
import { listOrderPage } from "./order-page.server";
import { PAGE_SIZE, type OrderTableQuery } from "./order-table";
import type { OrderRowView } from "~/admin/views";

export const CHART_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Transactions sent, cancelled and failed, and points awarded, per day of the shop, oldest first. */
export async function activitySeries(
  db: Database,
  shop: string,
  { now, days = CHART_DAYS, timeZone }: { now: Date; days?: number; timeZone: string },
): Promise<DayFigures[]> {
  // One small aggregate per day, each an index range scan on (shop, kind, at): the database adds
  // up, so the cost follows the number of days, not the number of activities.
  return Promise.all(
    dayWindows(now, days, timeZone).map(async (window) => {
      const groups = await db.syncActivity.groupBy({
        by: ["kind"],
        where: { shop, kind: { in: CHART_KINDS }, at: { gte: window.start, lt: window.end } },
        _count: { _all: true },
        _sum: { points: true },
      });
      return dayFigures(
        window.day,
        groups.map((group) => ({ kind: group.kind, count: group._count._all, points: group._sum.points })),
      );
    }),
  );
}

export interface DashboardData {
  timeZone: string;
  integrationEnabled: boolean;
  extensionSetup: { done: boolean; error: string | null };
  counts: SyncCounts;
  days: number;
  totals: Omit<DayFigures, "day">;
  series: DayFigures[];
  orders: { rows: OrderRowView[]; nextCursor: string | null };
  webhooks: WebhookSummary;
}

export async function loadDashboard(
  db: Database,
  shop: Shop,
  table: OrderTableQuery,
  now: Date = new Date(),
): Promise<DashboardData> {
  const timeZone = safeTimeZone(shop.timezone);
  const [counts, series, orders, webhooks] = await Promise.all([
    countOrderSyncs(db, shop.shop),
    activitySeries(db, shop.shop, { now, timeZone }),
    listOrderPage(db, shop.shop, { state: table.state, search: table.search, after: table.after, limit: PAGE_SIZE }),
    summarizeWebhooks(db, shop.shop, new Date(now.getTime() - DAY_MS)),
  ]);
  return {
    timeZone,
    integrationEnabled: shop.integrationEnabled,
    extensionSetup: { done: Boolean(shop.extensionSetupAt), error: shop.extensionSetupError },
    counts,
    days: CHART_DAYS,
    totals: totalsOf(series),
    series,
    orders,
    webhooks,
  };
}
