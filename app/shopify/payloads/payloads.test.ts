import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { parseCustomerPayload } from "./customer";
import { hasLongInteger, parseShopifyJson } from "./json";
import { parseOrderPayload } from "./order";
import { parseRefundPayload } from "./refund";
import { FIXTURE_DIRECTORY, listWebhookFixtures, readFixtureJson, type FixtureTopic } from "./testing/fixtures";

const parserFor: Record<FixtureTopic, (json: unknown) => { success: boolean }> = {
  "orders/create": parseOrderPayload,
  "orders/paid": parseOrderPayload,
  "orders/updated": parseOrderPayload,
  "orders/cancelled": parseOrderPayload,
  "refunds/create": parseRefundPayload,
  "customers/create": parseCustomerPayload,
  "customers/update": parseCustomerPayload,
};

function parsedOrder(json: unknown) {
  const result = parseOrderPayload(json);
  if (!result.success) throw result.error;
  return result.data;
}

describe("fixtures", () => {
  it("holds all 18 JSON payloads plus INDEX.md and CHECKS.md", () => {
    expect(listWebhookFixtures()).toHaveLength(18);
    expect(readFileSync(join(FIXTURE_DIRECTORY, "INDEX.md"), "utf8")).toContain("Real Shopify webhook payloads");
    expect(readFileSync(join(FIXTURE_DIRECTORY, "CHECKS.md"), "utf8")).toContain("CHECKS");
  });

  it.each(listWebhookFixtures().map((fixture) => [fixture.file, fixture.topic] as const))(
    "%s parses with the %s schema",
    (file, topic) => {
      const number = file.slice(0, 2);
      const result = parserFor[topic](readFixtureJson(number));
      expect(result).toMatchObject({ success: true });
    },
  );

  it.each(["14", "15", "16", "17"])("fixture %s (not an order) fails the order schema: no line_items", (number) => {
    const result = parseOrderPayload(readFixtureJson(number));
    expect(result.success).toBe(false);
  });
});

describe("order payloads", () => {
  it("keeps the id as published and exposes the gid separately (fixture 04: rounded id vs gid …508)", () => {
    const order = parsedOrder(readFixtureJson("04"));
    expect(order.id).toBe("820982911946154500");
    expect(order.admin_graphql_api_id).toBe("gid://shopify/Order/820982911946154508");
    expect(order.line_items.map((line) => line.id)).toContain("487817672276298560");
  });

  it("keys on id, not the gid, when they disagree (fixture 05: …101 vs …102)", () => {
    const order = parsedOrder(readFixtureJson("05"));
    expect(order.id).toBe("5324830114101");
    expect(order.admin_graphql_api_id).toBe("gid://shopify/Order/5324830114102");
    expect(order.customer).toBeUndefined();
    expect(order.email).toBe("");
  });

  it("reads a guest checkout with a null customer (fixture 03)", () => {
    const order = parsedOrder(readFixtureJson("03"));
    expect(order.customer).toBeNull();
    expect(order.line_items[0]?.discount_allocations.map((allocation) => allocation.amount)).toEqual(["14.10", "5.00"]);
    expect(order.shipping_lines[0]?.price_set?.shop_money.amount).toBe("22.00");
  });

  it("keeps every digit of ids above 2^53 when the raw body is parsed with parseShopifyJson", () => {
    // GIVEN a body whose ids do not fit a double
    const raw = `{"id": 820982911946154508, "line_items": [{"id": 9007199254740993, "quantity": 1, "price": "1.00"}],
      "total_price": 12.5, "refunds": [{"id": 1, "refund_line_items": [{"line_item_id": 9007199254740993, "quantity": 1, "subtotal": 89.99}]}]}`;
    // WHEN it is parsed with parseShopifyJson rather than JSON.parse
    const order = parsedOrder(parseShopifyJson(raw));
    // THEN the ids keep every digit and other numbers stay numbers
    expect(order.id).toBe("820982911946154508");
    expect(order.line_items[0]?.id).toBe("9007199254740993");
    expect(order.refunds[0]?.refund_line_items[0]?.line_item_id).toBe("9007199254740993");
    expect(order.total_price).toBe("12.5");
    expect(order.refunds[0]?.refund_line_items[0]?.subtotal).toBe("89.99");
    expect(parsedOrder(JSON.parse(raw)).id).toBe("820982911946154500");
  });

  it.each([
    ["a root number", "9007199254740993", "9007199254740993"],
    ["a negative number after a newline", '{"a":\n  -9007199254740993}', { a: "-9007199254740993" }],
    ["an array element after a space", "[1, 9007199254740993]", [1, "9007199254740993"]],
    [
      "a 16-digit run inside a string (stays a string)",
      '{"hash":"0000000000000000000"}',
      { hash: "0000000000000000000" },
    ],
    ["a safe 16-digit integer (stays a number)", '{"n":1000000000000000}', { n: 1000000000000000 }],
    ["small numbers only", '{"id":123,"price":12.5,"list":[1,2]}', { id: 123, price: 12.5, list: [1, 2] }],
  ])("parseShopifyJson handles %s like the digit-keeping reviver", (_case, raw, expected) => {
    expect(parseShopifyJson(raw)).toEqual(expected);
  });

  it.each([
    ["the text's first token", "9007199254740993", true],
    ["a value after a colon and spaces", '{"id":   9007199254740993}', true],
    ["a negative value", '{"id":-9007199254740993}', true],
    ["an array element", "[1,\t9007199254740993]", true],
    ["a run inside a string", '{"url":"x?key=0000000000000000000"}', false],
    ["a negative-looking run inside a string", '{"ref":"-0000000000000000"}', false],
    ["a long fraction", '{"rate":0.12345678901234567}', false],
    ["a 15-digit integer", '{"id":123456789012345}', false],
    ["a string run first, then a long integer", '{"k":"1234567890123456","id":1234567890123456789}', true],
  ])("hasLongInteger sees %s → %s", (_case, text, expected) => {
    expect(hasLongInteger(text)).toBe(expected);
  });

  it("defaults omitted or null lists to empty lists and gift_card to false", () => {
    const order = parsedOrder({
      id: 1,
      line_items: [{ id: 2, quantity: 1, price: "5.00", tax_lines: null }],
      shipping_lines: null,
    });
    expect(order.shipping_lines).toEqual([]);
    expect(order.refunds).toEqual([]);
    expect(order.payment_gateway_names).toEqual([]);
    expect(order.line_items[0]).toMatchObject({ gift_card: false, tax_lines: [], discount_allocations: [] });
  });

  it.each([
    ["no id", { line_items: [] }, "id"],
    ["no line_items", { id: 1 }, "line_items"],
    ["line without quantity", { id: 1, line_items: [{ id: 2, price: "1.00" }] }, "line_items.0.quantity"],
    ["line without price", { id: 1, line_items: [{ id: 2, quantity: 1 }] }, "line_items.0.price"],
    ["negative quantity", { id: 1, line_items: [{ id: 2, quantity: -1, price: "1.00" }] }, "line_items.0.quantity"],
    ["malformed amount", { id: 1, total_price: "12,50", line_items: [] }, "total_price"],
    ["non-numeric id", { id: "gid://shopify/Order/1", line_items: [] }, "id"],
    ["not an object", "order", ""],
  ])("rejects an order with %s, naming the path but not the value", (_label, json, path) => {
    const result = parseOrderPayload(json);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.name).toBe("ShopifyPayloadError");
    expect(result.error.issues.map((issue) => issue.path)).toContain(path);
    expect(result.error.message).not.toContain("12,50");
  });
});

describe("refund payloads", () => {
  it("normalises numeric amounts to decimal text (fixture 14)", () => {
    const result = parseRefundPayload(readFixtureJson("14"));
    if (!result.success) throw result.error;
    const [first] = result.data.refund_line_items;
    expect(first?.subtotal).toBe("89.99");
    expect(first?.total_tax).toBe("0");
    expect(first?.restock_type).toBe("no_restock");
    expect(result.data.transactions.map((transaction) => [transaction.amount, transaction.currency])).toEqual([
      ["75.00", null],
      ["10.00", null],
    ]);
  });

  it("reads a zero-decimal currency without inventing decimals (fixture 15, VND)", () => {
    const result = parseRefundPayload(readFixtureJson("15"));
    if (!result.success) throw result.error;
    const [line] = result.data.refund_line_items;
    expect(line?.subtotal).toBe("20");
    expect(line?.subtotal_set?.shop_money).toEqual({ amount: "20", currency_code: "VND" });
    expect(result.data.transactions[0]?.amount).toBe("20");
  });

  it("rejects a refund without id", () => {
    expect(parseRefundPayload({ refund_line_items: [] }).success).toBe(false);
  });
});

describe("customer payloads", () => {
  function parsedCustomer(number: string) {
    const result = parseCustomerPayload(readFixtureJson(number));
    if (!result.success) throw result.error;
    return result.data;
  }

  it.each([
    ["17", "706405506930370000", "bob@biller.com", undefined],
    ["18", "6971943256278", "shopper09@example.com", "not_subscribed"],
    ["19", "6972943892790", "shopper10@example.com", "not_subscribed"],
    ["20", "6971943256278", "shopper09@example.com", "not_subscribed"],
  ])("fixture %s: id %s, e-mail %s, e-mail consent %s", (number, id, email, consent) => {
    const customer = parsedCustomer(number);
    expect(customer.id).toBe(id);
    expect(customer.email).toBe(email);
    expect(customer.email_marketing_consent?.state).toBe(consent);
  });

  it("sees the address added at checkout while orders_count lags (fixture 20)", () => {
    const before = parsedCustomer("18");
    const after = parsedCustomer("20");
    expect(before.default_address ?? null).toBeNull();
    expect(after.default_address).toMatchObject({ country_code: "IN", province_code: "TS" });
    expect(after.orders_count).toBe(0);
  });

  it("rejects a customer without id", () => {
    expect(parseCustomerPayload({ email: "x@example.com" }).success).toBe(false);
  });
});
