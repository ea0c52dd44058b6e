/**
 * Diller calls per order for the order shapes that matter for cost: a linked member's plain order,
 * a consenting guest who joins, a member's order with a Diller coupon code, and a partial return.
 * Each scenario sends its orders one at a time and counts the API calls the sandbox saw for them
 * (token and discovery requests excluded: one token serves a shop for an hour).
 */
import type { RunningSandbox } from "@diller/diller-sandbox";
import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import type * as AppModule from "../app/shopify.server";

export interface ScenarioDeps {
  app: typeof AppModule;
  sandbox: RunningSandbox;
  shop: string;
  receive: (topic: string, payload: object) => Promise<Response>;
  /** An orders/paid payload (fixture 06 in NOK). */
  template: Record<string, unknown>;
  ordersPerScenario?: number;
}

const NOT_API = new Set(["requestAccessToken", "openidConfiguration"]);
let nextId = 5_000_000;

export async function measureCallsPerScenario(deps: ScenarioDeps) {
  const { app, sandbox, shop, receive, template, ordersPerScenario = 20 } = deps;
  const store = sandbox.state.stores.find((candidate) => candidate.id === sandbox.credentials.storeId);
  // A checkout cannot answer required segments; this merchant's store asks none.
  for (const segment of store?.segments ?? []) segment.is_required = false;

  const order = (extra: Record<string, unknown>) => {
    const id = nextId++;
    return { ...template, id, name: `#S${id}`, admin_graphql_api_id: `gid://shopify/Order/${id}`, ...extra };
  };
  const linkedCustomer = async () => {
    const customerId = String(nextId++);
    await app.db.customerLink.create({
      data: { shop, customerId, memberId: DEMO_MEMBERS.kari, linkedBy: "email", state: "LINKED" },
    });
    return { id: Number(customerId), email: "kari.nordmann@example.com" };
  };
  const until = async (orderId: number, done: (state: string, externalId: string | null) => boolean) => {
    for (let waited = 0; ; waited += 20) {
      const record = await app.db.orderSync.findUnique({ where: { shop_orderId: { shop, orderId: String(orderId) } } });
      if (record && done(record.state, record.externalId)) return;
      if (record && (record.state === "FAILED" || record.state === "SKIPPED"))
        throw new Error(`order ${orderId} ended ${record.state}: ${record.reason}`);
      if (waited > 30_000) throw new Error(`order ${orderId} did not settle`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const sent = (state: string) => state === "SENT";

  const scenarios: Array<[string, () => Promise<void>]> = [
    [
      "linked member, no discount codes",
      async () => {
        const paid = order({
          customer: await linkedCustomer(),
          email: "kari.nordmann@example.com",
          discount_codes: [],
        });
        await receive("orders/paid", paid);
        await until(paid.id, sent);
      },
    ],
    [
      "linked member, a discount code",
      async () => {
        const paid = order({
          customer: await linkedCustomer(),
          email: "kari.nordmann@example.com",
          discount_codes: [{ code: "WELCOME10", amount: "20.00", type: "fixed_amount" }],
        });
        await receive("orders/paid", paid);
        await until(paid.id, sent);
      },
    ],
    [
      "guest with membership consent (joins)",
      async () => {
        const id = nextId;
        const paid = order({
          customer: null,
          email: `joining.${id}@example.com`,
          phone: `+4792${String(id).slice(-6)}`,
          discount_codes: [],
        });
        // Consent as the thank-you page's join route records it on the order (a cart attribute is not
        // trusted; the checkout metafield would need the Admin API, which this bench does not have).
        const consent = { membership: true, marketing: false, source: "thank-you" };
        await app.db.orderSync.create({
          data: { shop, orderId: String(paid.id), consentJson: JSON.stringify(consent) },
        });
        await receive("orders/paid", paid);
        await until(paid.id, sent);
      },
    ],
    [
      "linked member, paid then partly returned",
      async () => {
        const paid = order({
          customer: await linkedCustomer(),
          email: "kari.nordmann@example.com",
          discount_codes: [],
        });
        await receive("orders/paid", paid);
        await until(paid.id, sent);
        await receive("refunds/create", partialRefund(paid.id));
        await until(paid.id, (state, externalId) => state === "SENT" && Boolean(externalId?.endsWith("-r1")));
      },
    ],
  ];

  const rows = [];
  for (const [scenario, run] of scenarios) {
    const before = sandbox.requestLog.length;
    for (let index = 0; index < ordersPerScenario; index++) await run();
    const calls = sandbox.requestLog.slice(before).filter((entry) => !NOT_API.has(entry.operationId));
    const byOperation = new Map<string, number>();
    for (const entry of calls) byOperation.set(entry.operationId, (byOperation.get(entry.operationId) ?? 0) + 1);
    rows.push({
      scenario,
      perOrder: calls.length / ordersPerScenario,
      byOperation: [...byOperation].map(([name, count]) => `${name} ${count}`).join(", "),
    });
  }
  return { ordersPerScenario, rows };
}

function partialRefund(orderId: number) {
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: "NOK" },
    presentment_money: { amount, currency_code: "NOK" },
  });
  const refundId = nextId++;
  return {
    id: refundId,
    order_id: orderId,
    created_at: "2026-11-28T11:00:00Z",
    processed_at: "2026-11-28T11:00:00Z",
    refund_line_items: [
      {
        id: refundId * 10,
        line_item_id: 15514975535404,
        quantity: 1,
        restock_type: "return",
        subtotal: 94.92,
        subtotal_set: money("94.92"),
        total_tax: 0,
        total_tax_set: money("0.00"),
      },
    ],
    transactions: [{ id: refundId * 100, kind: "refund", status: "success", gateway: "manual", amount: "94.92" }],
    order_adjustments: [],
  };
}
