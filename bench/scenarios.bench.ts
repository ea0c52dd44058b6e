/**
 * Diller calls and token requests per order, per scenario, through the real sync engine in one
 * process (the sync harness of tests/sync: real Prisma, receiver, queue, Diller client; the fake Admin
 * API). Counts do not depend on latency, so the sandbox answers at once. Started by bench/run.ts with
 * DATABASE_URL set to a fresh migrated database; prints one JSON line `scenarios {...}`.
 */
import "../tests/setup/env";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";

const { fixture, KARI, startSyncHarness } = await import("../tests/sync/harness");
const { TEST_SHOP } = await import("../tests/shopify");

const h = await startSyncHarness();
let nextId = 5_000_000;

function paidOrder(overrides: Record<string, unknown> = {}) {
  const base: Record<string, unknown> = JSON.parse(JSON.stringify(fixture("06")).replaceAll('"HKD"', '"NOK"'));
  const id = nextId++;
  return {
    ...base,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#S${id}`,
    email: KARI.email,
    customer: { ...(base.customer as object), id: LINKED_CUSTOMER_ID, email: KARI.email },
    updated_at: "2026-11-28T10:05:00Z",
    ...overrides,
  };
}

function partialRefund(orderId: number) {
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: "NOK" },
    presentment_money: { amount, currency_code: "NOK" },
  });
  return {
    id: orderId + 1,
    order_id: orderId,
    created_at: "2026-11-28T11:00:00Z",
    processed_at: "2026-11-28T11:00:00Z",
    refund_line_items: [
      {
        id: orderId + 2,
        line_item_id: 15514975535404,
        quantity: 1,
        restock_type: "return",
        subtotal: 94.92,
        subtotal_set: money("94.92"),
        total_tax: 0,
        total_tax_set: money("0.00"),
      },
    ],
    transactions: [{ id: orderId + 3, kind: "refund", status: "success", gateway: "manual", amount: "94.92" }],
    order_adjustments: [],
  };
}

interface Count {
  calls: number;
  tokens: number;
  byOperation: Record<string, number>;
}

/** Runs `deliver` for `orders` orders and returns the Diller traffic per order. */
async function measure(orders: number, deliver: (index: number) => Promise<void>): Promise<Count> {
  const from = h.sandbox.requestLog.length;
  for (let index = 0; index < orders; index++) {
    await deliver(index);
    await h.settle(60_000);
  }
  const log = h.sandbox.requestLog.slice(from);
  const byOperation: Record<string, number> = {};
  for (const entry of log) byOperation[entry.operationId] = (byOperation[entry.operationId] ?? 0) + 1 / orders;
  const tokens = log.filter((entry) => entry.operationId === "requestAccessToken").length;
  return { calls: (log.length - tokens) / orders, tokens: tokens / orders, byOperation };
}

const ORDERS = Number(process.env.SCENARIO_ORDERS ?? 5);
const LINKED_CUSTOMER_ID = 4_000_000;
// Linked as the app links a customer (customer sync, account join): a CustomerLink row, LINKED to her
// member. The order sync does not link a member it finds by search, so without this row every order
// of hers would search again (tests/sync/order-recovery.test.ts sets the link up the same way).
await h.app.db.customerLink.create({
  data: {
    shop: TEST_SHOP,
    customerId: String(LINKED_CUSTOMER_ID),
    memberId: DEMO_MEMBERS.kari,
    linkedBy: "email",
    state: "LINKED",
  },
});
// One order first: the store's facts (points ratio, stamp cards) are read once per process and cached.
await h.deliver("orders/paid", paidOrder());
await h.settle(60_000);
// The demo store requires an answer to segment 3, which a checkout cannot ask for; this merchant's does not.
for (const segment of h.demoStore().segments) segment.is_required = false;

const results: Record<string, Count> = {
  // No discount code: nothing to match against the member's coupons, so only the transaction is booked.
  "linked member, no discount codes": await measure(ORDERS, async () => {
    await h.deliver("orders/paid", paidOrder({ discount_codes: [] }));
  }),
  "guest with consent (registration)": await measure(ORDERS, async (index) => {
    const email = `bench.joiner.${index}.${Date.now()}@example.com`;
    const order = paidOrder({
      email,
      customer: {
        id: 4_100_000 + index,
        email,
        first_name: "Jo",
        last_name: "Ining",
        phone: `+479111${String(index).padStart(4, "0")}`,
      },
    });
    // Consent as checkout stores it: the order's $app:diller_consent metafield, read through the Admin API.
    h.setOrderConsent(order.id, { membership: true, marketing: true });
    await h.deliver("orders/paid", order);
  }),
  "coupon order (created, then paid)": await measure(ORDERS, async (index) => {
    // A coupon a member may redeem repeatedly: the Public one.
    const order = paidOrder({ discount_codes: [{ code: "PUBLIC15", amount: "20.00", type: "fixed_amount" }] });
    void index;
    await h.deliver("orders/create", { ...order, financial_status: "pending", updated_at: "2026-11-28T10:00:00Z" });
    await h.settle(60_000);
    await h.deliver("orders/paid", order);
  }),
  "partial return (paid, then refund)": await measure(ORDERS, async () => {
    const order = paidOrder();
    await h.deliver("orders/paid", order);
    await h.settle(60_000);
    await h.deliver("refunds/create", partialRefund(order.id));
  }),
};
const violations = h.sandbox.contractViolations.length;
const failed = await h.app.db.orderSync.count({ where: { state: "FAILED" } });
await h.stop();
console.log(
  `scenarios ${JSON.stringify({ orders: ORDERS, results, contractViolations: violations, failedOrders: failed })}`,
);
process.exit(0);
