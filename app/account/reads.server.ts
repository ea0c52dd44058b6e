import type { LoyaltyActivity, MemberDetail } from "@diller/storefront-contract";

import { createTtlCache } from "~/lib/ttl-cache";
import type { Database, SyncActivityKind } from "~/db.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";

import { memberDetailOf, type DillerMemberData } from "./member-detail";
import type { AccountSession } from "./session.server";
import { accountStoreData, type StoreData } from "./store-data.server";

/** A member's Diller data is read at most this often per process (the page is reloaded a lot). */
const MEMBER_TTL_MS = 30_000;
const RECENT_ACTIVITY = 10;
/** Orders looked at for the recent activity (a customer's newest). */
const RECENT_ORDERS = 50;

const ACTIVITY_KINDS: SyncActivityKind[] = ["TRANSACTION_SENT", "REMAINDER_SENT", "TRANSACTION_CANCELLED"];

/** A remainder is what is left of an order after a return: Diller gets it as a new transaction. */
function activityKindOf(kind: SyncActivityKind): LoyaltyActivity["kind"] | null {
  if (kind === "TRANSACTION_SENT") return "purchase";
  if (kind === "REMAINDER_SENT") return "return";
  if (kind === "TRANSACTION_CANCELLED") return "cancellation";
  return null;
}

/**
 * The account pages' reads: the store's settings from the app's store reads (minutes old at most)
 * and each member's Diller data, cached here per process (seconds). Every write of the account pages
 * drops the member's entry.
 */
export function createAccountReads({
  db,
  storeReads,
  now,
}: {
  db: Database;
  storeReads: DillerStoreReads;
  now: () => Date;
}) {
  const clock = () => now().getTime();
  const storeData = (session: AccountSession) => accountStoreData(storeReads, session.shop, session.diller);
  const members = createTtlCache<DillerMemberData>({ ttlMs: MEMBER_TTL_MS, maxEntries: 5000, now: clock });

  async function dillerMemberData(session: AccountSession, memberId: string, store: StoreData) {
    const key = `${session.shop.shop}|${memberId}`;
    const loaded = await members.get(key, async () => {
      const ref = { memberId };
      const [member, coupons, stampCards] = await Promise.all([
        session.diller.members.getMember(ref),
        session.diller.coupons.listMemberCoupons(ref),
        store.stampsEnabled ? session.diller.stampCards.listMemberStampCards(ref) : Promise.resolve([]),
      ]);
      return { member, coupons, stampCards };
    });
    return loaded.value;
  }

  async function recentActivity(shop: string, customerId: string, store: StoreData): Promise<LoyaltyActivity[]> {
    const orders = await db.orderSync.findMany({
      where: { shop, customerId },
      orderBy: { createdAt: "desc" },
      take: RECENT_ORDERS,
      select: { orderId: true, orderName: true },
    });
    if (orders.length === 0) return [];
    const names = new Map(orders.map((order) => [order.orderId, order.orderName]));
    const rows = await db.syncActivity.findMany({
      where: { shop, orderId: { in: [...names.keys()] }, kind: { in: ACTIVITY_KINDS } },
      orderBy: { at: "desc" },
      take: RECENT_ACTIVITY,
    });
    return rows.flatMap((row) => {
      const kind = activityKindOf(row.kind);
      if (!kind) return [];
      const amount = row.amount ?? null;
      const estimated =
        row.points ??
        (amount !== null && store.pointsPerCurrencyUnit !== null
          ? Math.round(Number(amount) * store.pointsPerCurrencyUnit * 100) / 100
          : null);
      return [
        {
          orderName: (row.orderId && names.get(row.orderId)) || null,
          at: row.at.toISOString(),
          kind,
          amount,
          points: kind === "cancellation" || estimated === null || Number.isNaN(estimated) ? null : estimated,
        },
      ];
    });
  }

  return {
    storeData,
    async memberDetail(session: AccountSession, memberId: string): Promise<MemberDetail> {
      const store = await storeData(session);
      const [data, activity] = await Promise.all([
        dillerMemberData(session, memberId, store),
        recentActivity(session.shop.shop, session.customerId, store),
      ]);
      return memberDetailOf(data, store, activity);
    },
    forgetMember(shop: string, memberId: string) {
      members.invalidate(`${shop}|${memberId}`);
    },
    /** Drops the members' cached data (the store's settings live in the app's store reads). */
    clearMembers() {
      members.clear();
    },
  };
}

export type AccountReads = ReturnType<typeof createAccountReads>;
