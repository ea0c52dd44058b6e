import { describe, expect, it } from "vitest";

import type { ShopifyLineItem } from "~/shopify/payloads/line-item";

import { lineProductKeys, lineStamps, stampCardRules, withLineStamps } from "./stamp-cards";
import type { DillerTransactionDetail } from "./types";

describe("stampCardRules", () => {
  it.each([
    [
      "a standard card naming products",
      { id: 1, product_ids: ["coffee-cup"], card_type: "standard" },
      [{ id: 1, productIds: ["coffee-cup"] }],
    ],
    ["ids are trimmed, empty ones dropped", { id: 2, product_ids: [" 42 ", ""] }, [{ id: 2, productIds: ["42"] }]],
    ["a card without products", { id: 3, product_ids: [], card_type: "standard" }, []],
    ["a card with no product list", { id: 4 }, []],
    ["a threshold card (Diller judges the total)", { id: 5, product_ids: ["x"], card_type: "threshold" }, []],
    ["a card without id", { product_ids: ["x"] }, []],
  ] as const)("%s", (_, card, rules) => {
    expect(stampCardRules([card])).toEqual(rules);
  });
});

describe("lineStamps", () => {
  const rules = [
    { id: 1, productIds: ["coffee-cup"] },
    { id: 2, productIds: ["111", "gid://shopify/Product/222"] },
  ];
  it.each([
    ["sku on one card", ["900", "coffee-cup"], 2, [{ stamp_card_id: 1, action: "collected", count: 2 }]],
    [
      "two cards",
      ["111", "coffee-cup"],
      1,
      [
        { stamp_card_id: 1, action: "collected", count: 1 },
        { stamp_card_id: 2, action: "collected", count: 1 },
      ],
    ],
    ["product GID", ["gid://shopify/Product/222"], 3, [{ stamp_card_id: 2, action: "collected", count: 3 }]],
    ["no card names the line", ["999"], 5, []],
    ["nothing left of the line", ["coffee-cup"], 0, []],
    ["a fractional quantity is not a stamp count", ["coffee-cup"], 1.5, []],
  ] as const)("%s", (_, keys, quantity, stamps) => {
    expect(lineStamps(keys, quantity, rules)).toEqual(stamps);
  });
});

describe("lineProductKeys", () => {
  it("keys each line by its Diller external id with variant, product, their GIDs and the SKU", () => {
    const lines = [
      { id: "1", variant_id: "10", product_id: "20", sku: " CUP ", quantity: 1 },
      { id: "2", variant_id: null, product_id: "30", sku: null, quantity: 1 },
      { id: "3", quantity: 1 },
    ] as ShopifyLineItem[];
    expect(lineProductKeys(lines)).toEqual(
      new Map([
        ["10", ["10", "gid://shopify/ProductVariant/10", "20", "gid://shopify/Product/20", "CUP"]],
        ["30", ["30", "gid://shopify/Product/30"]],
        ["3", ["3"]],
      ]),
    );
  });
});

describe("withLineStamps", () => {
  const line = (externalId: string, quantity: number): DillerTransactionDetail => ({
    product: { external_id: externalId, name: externalId },
    quantity,
    unit_price: 10,
    tax_percentage: 25,
    discount: 0,
    total_price: 10 * quantity,
  });
  const body = { details: [line("10", 2), line("shipping", 1), line("30", 1)] };
  const keys = new Map([
    ["10", ["10", "CUP"]],
    ["30", ["30"]],
  ]);

  it("puts the stamps on the lines that collect them and leaves the others alone", () => {
    const stamped = withLineStamps(body, [{ id: 7, productIds: ["CUP", "shipping"] }], keys);
    expect(stamped.details.map((detail) => detail.stamp_cards)).toEqual([
      [{ stamp_card_id: 7, action: "collected", count: 2 }],
      undefined,
      undefined,
    ]);
  });

  it("returns the body unchanged when the store has no product stamp cards", () => {
    expect(withLineStamps(body, [], keys)).toBe(body);
  });
});
