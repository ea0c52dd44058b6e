/**
 * The webhook part of `npm run demo`: Shopify's order webhooks, signed with the app secret, posted to
 * the running app for six stories (duplicates, a coupon, a return, a cancellation, a guest, a bank
 * transfer). Each story records the order and the sync state it should end in.
 */
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface DemoScenario {
  name: string;
  orderName: string;
  expected: string;
}

export interface DemoShopifyOptions {
  port: number;
  shop: string;
  apiSecret: string;
}

/** Posts webhooks the way Shopify does and makes demo orders from a real order fixture. */
export function createDemoShopify({ port, shop, apiSecret }: DemoShopifyOptions) {
  /** Raw body, HMAC with the app secret, Shopify's headers. */
  async function webhook(topic: string, body: object, eventId: string = randomUUID()) {
    const raw = JSON.stringify(body);
    const response = await fetch(`http://localhost:${port}/webhooks/${topic}`, {
      method: "POST",
      body: raw,
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": createHmac("sha256", apiSecret).update(raw).digest("base64"),
        "X-Shopify-Topic": topic,
        "X-Shopify-Shop-Domain": shop,
        "X-Shopify-API-Version": "2026-07",
        "X-Shopify-Webhook-Id": randomUUID(),
        "X-Shopify-Event-Id": eventId,
        "X-Shopify-Triggered-At": new Date().toISOString(),
      },
    });
    if (response.status !== 200) throw new Error(`${topic} answered ${response.status}`);
  }

  // A real Shopify order (fixture 06: four lines, an order-level code, an automatic discount, shipping),
  // moved into the Diller store's currency.
  const template = JSON.parse(
    readFileSync(
      join("tests/fixtures/shopify-webhooks", "06-orders-paid--hkd-manual-code-plus-automatic-4-lines-shipping.json"),
      "utf8",
    ).replaceAll('"HKD"', '"NOK"'),
  );
  let number = 1000;
  function order(extra: Record<string, unknown> = {}) {
    number++;
    return {
      ...template,
      id: 5_000_000 + number,
      name: `#D${number}`,
      email: "kari.nordmann@example.com",
      customer: {
        id: 6_000_000 + number,
        email: "kari.nordmann@example.com",
        first_name: "Kari",
        last_name: "Nordmann",
      },
      updated_at: new Date(Date.now() + number).toISOString(),
      ...extra,
    };
  }
  const pending = (paid: ReturnType<typeof order>) => ({
    ...paid,
    financial_status: "pending",
    updated_at: new Date(Date.parse(paid.updated_at) - 60_000).toISOString(),
  });
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: "NOK" },
    presentment_money: { amount, currency_code: "NOK" },
  });

  return { webhook, order, pending, money };
}

type DemoShopify = ReturnType<typeof createDemoShopify>;

/** Plays the webhook stories; returns what each should end as. */
export async function playWebhookStory({ webhook, order, pending, money }: DemoShopify): Promise<DemoScenario[]> {
  const scenarios: DemoScenario[] = [];
  {
    const paid = order();
    scenarios.push({
      name: "member pays; duplicate and out-of-order deliveries",
      expected: "SENT",
      orderName: paid.name,
    });
    await webhook("orders/paid", paid, `paid-${paid.id}`);
    await webhook("orders/paid", paid, `paid-${paid.id}`);
    await webhook("orders/create", pending(paid));
  }
  {
    const paid = order({ discount_codes: [{ code: "WELCOME10", amount: "20.00", type: "fixed_amount" }] });
    scenarios.push({ name: "member redeems the Diller coupon WELCOME10", expected: "SENT", orderName: paid.name });
    await webhook("orders/create", pending(paid));
    await webhook("orders/paid", paid);
  }
  {
    const paid = order();
    scenarios.push({ name: "partial return of one item", expected: "SENT", orderName: paid.name });
    await webhook("orders/paid", paid);
    await webhook("refunds/create", {
      id: 2_000_000 + paid.id, // 7_000_000 + the order counter
      order_id: paid.id,
      created_at: new Date().toISOString(),
      refund_line_items: [
        {
          id: 1,
          line_item_id: 15514975535404,
          quantity: 1,
          restock_type: "return",
          subtotal: 94.92,
          subtotal_set: money("94.92"),
          total_tax: 0,
          total_tax_set: money("0.00"),
        },
      ],
      transactions: [{ id: 1, kind: "refund", status: "success", gateway: "manual", amount: "94.92", currency: "NOK" }],
      order_adjustments: [],
    });
  }
  {
    const paid = order();
    scenarios.push({ name: "paid, then cancelled and refunded", expected: "CANCELLED", orderName: paid.name });
    await webhook("orders/paid", paid);
    await webhook("orders/cancelled", {
      ...paid,
      cancelled_at: new Date().toISOString(),
      financial_status: "refunded",
      updated_at: new Date(Date.now() + 60_000).toISOString(),
    });
  }
  {
    const paid = order({ email: "anonymous@example.com", customer: null });
    scenarios.push({ name: "guest without consent", expected: "SKIPPED", orderName: paid.name });
    await webhook("orders/paid", paid);
  }
  {
    const unpaid = { ...order(), financial_status: "pending", payment_gateway_names: ["Bank transfer"] };
    scenarios.push({ name: "order awaiting a bank transfer", expected: "PENDING", orderName: unpaid.name });
    await webhook("orders/create", unpaid);
  }
  return scenarios;
}
