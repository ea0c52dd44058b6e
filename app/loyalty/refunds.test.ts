import { describe, expect, it } from "vitest";

import { orderFixture, refundFixture } from "~/shopify/payloads/testing/fixtures";

import { Money } from "./money";
import { mapOrderToTransaction } from "./order-to-transaction";
import { classifyRefunds, mapOrderRemainder, mapRefundToDillerRefund } from "./refunds";
import { expectValidDillerBody } from "./testing/invariants";
import { options, order, refund } from "./testing/orders";
import type { MappedRefund, MappedTransaction } from "./types";

/** [source id, quantity, unit_price, discount, total_price, tax_percentage] */
type LineRow = [string, number, string, string, string, number];

function lineRows(mapped: MappedTransaction | MappedRefund): LineRow[] {
  const money = (value: number) => Money.parse(value, mapped.body.currency).toString();
  return mapped.body.details.map((detail, index) => {
    const source = mapped.lines[index]?.source;
    return [
      source?.kind === "line_item" ? source.lineItemId : "shipping",
      detail.quantity,
      money(detail.unit_price),
      money(detail.discount),
      money(detail.total_price),
      detail.tax_percentage,
    ];
  });
}

function withoutEmbeddedRefunds(number: string) {
  return { ...orderFixture(number), refunds: [] };
}

describe("classifyRefunds over the recorded fixtures", () => {
  it.each([
    ["01", false, "none"],
    ["02", false, "none"],
    ["03", true, "none"],
    ["05", false, "none"],
    ["06", true, "none"],
    ["07", false, "none"],
    ["10", false, "partial"],
    ["10", true, "partial"],
    ["11", false, "full"],
    ["11", true, "full"],
    ["12", false, "full"],
    ["12", true, "full"],
    ["13", false, "full"],
    ["04", true, "full"],
  ] as const)("fixture %s (shipping %s) → %s", (number, includeShipping, expected) => {
    // GIVEN the order with its embedded refunds  WHEN classified  THEN
    expect(classifyRefunds(orderFixture(number), [], { includeShipping })).toBe(expected);
  });

  it.each([
    ["16 (1 of 4 units, restock return)", "10", "16", "partial"],
    ["11's refund (all units, no_restock, shipping adjustment)", "11", "11", "full"],
    ["12's refund (all units, restock cancel)", "12", "12", "full"],
    ["13's refund (restock cancel)", "13", "13", "full"],
  ])("applies refunds given separately: %s", (_label, orderNumber, refundSource, expected) => {
    const bare = withoutEmbeddedRefunds(orderNumber);
    const refunds = refundSource === "16" ? [refundFixture("16")] : orderFixture(refundSource).refunds;
    expect(classifyRefunds(bare, [])).toBe("none");
    expect(classifyRefunds(bare, refunds)).toBe(expected);
  });

  it("treats a voided order as fully undone (04 with the docs refund 14)", () => {
    expect(classifyRefunds(orderFixture("04"), [refundFixture("14")])).toBe("full");
    expect(mapOrderRemainder(orderFixture("04"), [refundFixture("14")], options())).toBeNull();
  });
});

describe("mapOrderRemainder", () => {
  it.each([false, true])(
    "fixture 10 (shipping %s): 1 of 4 snowboards and the other line remain, = current_*",
    (includeShipping) => {
      // GIVEN order 10 with three refunds of 1 unit each (749.95 + IGST 134.99)
      const mapped = mapOrderRemainder(
        orderFixture("10"),
        [],
        options({ includeShipping, externalId: "order-1001-r3" }),
      );
      // THEN the remainder is current_total_price 1628.29 with current_total_tax 248.39 = 135.00 + 113.39
      expect(mapped).not.toBeNull();
      if (!mapped) return;
      expect(mapped.amounts).toEqual({
        currency: "INR",
        total: "1628.29",
        totalTax: "248.39",
        totalDiscount: "0.00",
        roundOff: "0.00",
      });
      expect(lineRows(mapped)).toEqual([
        ["13340248965334", 1, "884.95", "0.00", "884.95", 18],
        ["13340248998102", 1, "743.34", "0.00", "743.34", 18],
      ]);
      expect(mapped.body).toMatchObject({
        external_id: "order-1001-r3",
        external_receipt_id: "#1001",
        created_at: "2024-01-08T05:12:28-05:00",
      });
      expect(mapped.body.payment_details).toEqual([{ payment_method: "bogus", sub_total: 1628.29 }]);
      expect(mapped.warnings).toEqual([]);
      expectValidDillerBody(mapped, "CreateTransactionRequest");
    },
  );

  it("removes exactly one refund given on its own (16 on order 10 before its refunds were embedded)", () => {
    const mapped = mapOrderRemainder(withoutEmbeddedRefunds("10"), [refundFixture("16")], options());
    if (!mapped) throw new Error("expected a remainder");
    // 3 units left: 2249.85 + tax 404.98 = 2654.83 paid; unit 884.94, 3 × 884.94 = 2654.82 → round_off 0.01
    expect(lineRows(mapped)[0]).toEqual(["13340248965334", 3, "884.94", "0.00", "2654.82", 18]);
    expect(mapped.lines[0]?.paid).toBe("2654.83");
    expect(mapped.amounts).toMatchObject({ total: "3398.17", totalTax: "518.37", roundOff: "0.01" });
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("applies a refund once even when it is both embedded and given (16 = 10's first refund)", () => {
    const once = mapOrderRemainder(orderFixture("10"), [], options());
    const twice = mapOrderRemainder(orderFixture("10"), [refundFixture("16")], options());
    expect(twice).toEqual(once);
  });

  it.each(["11", "12", "13"])("returns null for the cancelled, fully refunded fixture %s", (number) => {
    expect(mapOrderRemainder(orderFixture(number), [], options())).toBeNull();
    expect(mapOrderRemainder(orderFixture(number), [], options({ includeShipping: true }))).toBeNull();
  });

  it.each(["01", "03", "05", "06", "07"])("equals the purchase itself when fixture %s has no refunds", (number) => {
    for (const includeShipping of [false, true]) {
      const remainder = mapOrderRemainder(orderFixture(number), [], options({ includeShipping }));
      expect(remainder?.body).toEqual(mapOrderToTransaction(orderFixture(number), options({ includeShipping })).body);
    }
  });
});

const line = (json: Record<string, unknown>) => ({ quantity: 1, taxable: true, ...json });
const refundTransaction = (amount: string, extra: Record<string, unknown> = {}) => ({
  kind: "refund",
  status: "success",
  gateway: "shopify_payments",
  amount,
  ...extra,
});

describe("remainders and refunds of hand-built orders", () => {
  const twoLines = order({
    total_price: "100.00",
    line_items: [
      line({ id: 11, variant_id: 21, title: "Shirt", price: "60.00" }),
      line({ id: 12, variant_id: 22, title: "Socks", price: "20.00", quantity: 2 }),
    ],
  });

  it("takes money returned without items off the remaining lines (goodwill refund)", () => {
    // GIVEN 10.00 refunded and no line returned
    const goodwill = refund({
      transactions: [refundTransaction("10.00")],
      order_adjustments: [{ kind: "refund_discrepancy", amount: "-10.00", tax_amount: "0.00" }],
    });
    // WHEN the remainder is mapped
    const mapped = mapOrderRemainder(twoLines, [goodwill], options());
    // THEN 90.00 remains, taken off pro rata as discount (60:40 → 6.00 and 4.00)
    expect(classifyRefunds(twoLines, [goodwill])).toBe("partial");
    if (!mapped) throw new Error("expected a remainder");
    expect(lineRows(mapped)).toEqual([
      ["11", 1, "60.00", "6.00", "54.00", 0],
      ["12", 2, "20.00", "4.00", "36.00", 0],
    ]);
    expect(mapped.amounts).toMatchObject({ total: "90.00", totalDiscount: "10.00", roundOff: "0.00" });
    expect(mapped.warnings).toContain("refund 5001: refunded money 10.00 ≠ value of refunded items 0.00");
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("keeps money the merchant kept on a returned item (restocking fee) in round_off_amount", () => {
    // GIVEN one 20.00 sock returned but only 15.00 refunded
    const withFee = refund({
      refund_line_items: [{ line_item_id: 12, quantity: 1, restock_type: "return", subtotal: 20, total_tax: 0 }],
      transactions: [refundTransaction("15.00")],
    });
    const mapped = mapOrderRemainder(twoLines, [withFee], options());
    if (!mapped) throw new Error("expected a remainder");
    // THEN the remaining lines are 60.00 + 20.00 and the 5.00 fee stays in the purchase
    expect(lineRows(mapped)).toEqual([
      ["11", 1, "60.00", "0.00", "60.00", 0],
      ["12", 1, "20.00", "0.00", "20.00", 0],
    ]);
    expect(mapped.amounts).toMatchObject({ total: "85.00", roundOff: "5.00" });
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it.each([
    ["no_restock", "full"],
    ["cancel", "full"],
    ["return", "full"],
    ["legacy_restock", "full"],
  ])("removes refunded lines whatever the restock type (%s)", (restockType, expected) => {
    const all = refund({
      refund_line_items: [
        { line_item_id: 11, quantity: 1, restock_type: restockType, subtotal: "60.00", total_tax: "0.00" },
        { line_item_id: 12, quantity: 2, restock_type: restockType, subtotal: "40.00", total_tax: "0.00" },
      ],
      transactions: [refundTransaction("100.00")],
    });
    expect(classifyRefunds(twoLines, [all])).toBe(expected);
    expect(mapOrderRemainder(twoLines, [all], options())).toBeNull();
  });

  it("uses the refunded items when the refund money is in another currency", () => {
    const presentment = refund({
      refund_line_items: [
        {
          line_item_id: 12,
          quantity: 1,
          subtotal_set: { shop_money: { amount: "20.00", currency_code: "EUR" } },
          total_tax_set: { shop_money: { amount: "0.00", currency_code: "EUR" } },
        },
      ],
      transactions: [refundTransaction("21.70", { currency: "USD" })],
    });
    const mapped = mapOrderRemainder(twoLines, [presentment], options());
    expect(mapped?.amounts.total).toBe("80.00");
    expect(mapped?.warnings).toContain("refund 5001: refund money is in USD; refunded items are used instead");
  });

  it("goes by the items when a refund moved no money (cancellation of an uncaptured order)", () => {
    const pending = order({
      financial_status: "pending",
      line_items: [line({ id: 11, title: "Shirt", price: "60.00" })],
    });
    const cancel = refund({
      refund_line_items: [
        { line_item_id: 11, quantity: 1, restock_type: "cancel", subtotal: "60.00", total_tax: "0.00" },
      ],
      transactions: [],
    });
    expect(classifyRefunds(pending, [cancel])).toBe("full");
  });

  it("ignores refunds that touch only gift cards", () => {
    const withGiftCard = order({
      line_items: [
        line({ id: 11, variant_id: 21, title: "Shirt", price: "60.00" }),
        line({ id: 13, title: "Gift card", price: "25.00", gift_card: true }),
      ],
    });
    const giftCardRefund = refund({
      refund_line_items: [{ line_item_id: 13, quantity: 1, subtotal: "25.00", total_tax: "0.00" }],
      transactions: [refundTransaction("25.00")],
    });
    expect(classifyRefunds(withGiftCard, [giftCardRefund])).toBe("none");
    expect(mapOrderRemainder(withGiftCard, [giftCardRefund], options())?.amounts.total).toBe("60.00");
  });

  describe("shipping refunds", () => {
    const shipped = order({
      total_price: "90.00",
      line_items: [line({ id: 11, variant_id: 21, title: "Shirt", price: "80.00" })],
      shipping_lines: [{ id: 71, title: "Standard", price: "10.00", discounted_price: "10.00" }],
    });
    const shippingAdjustment = refund({
      order_adjustments: [{ kind: "shipping_refund", amount: "-10.00", tax_amount: "0.00" }],
      transactions: [refundTransaction("10.00")],
    });
    const partialShippingLine = refund({
      refund_shipping_lines: [
        { shipping_line_id: 71, subtotal_amount_set: { shop_money: { amount: "4.00", currency_code: "EUR" } } },
      ],
      transactions: [refundTransaction("4.00")],
    });

    it.each([
      ["adjustment (before 2024-10), shipping off", shippingAdjustment, false, "none", "80.00", []],
      ["adjustment (before 2024-10), shipping on", shippingAdjustment, true, "partial", "80.00", []],
      [
        "refund_shipping_lines, partly, shipping on",
        partialShippingLine,
        true,
        "partial",
        "86.00",
        [["shipping", 1, "10.00", "4.00", "6.00", 0]],
      ],
      ["refund_shipping_lines, partly, shipping off", partialShippingLine, false, "none", "80.00", []],
    ] as const)("%s", (_label, shippingRefund, includeShipping, classification, total, shippingRows) => {
      expect(classifyRefunds(shipped, [shippingRefund], { includeShipping })).toBe(classification);
      const mapped = mapOrderRemainder(shipped, [shippingRefund], options({ includeShipping }));
      if (!mapped) throw new Error("expected a remainder");
      expect(mapped.amounts.total).toBe(total);
      expect(lineRows(mapped).filter((row) => row[0] === "shipping")).toEqual(shippingRows);
      expect(mapped.warnings).toEqual([]);
      expectValidDillerBody(mapped, "CreateTransactionRequest");
    });
  });

  describe("tax-inclusive shops", () => {
    const inclusive = order({
      taxes_included: true,
      line_items: [
        line({
          id: 11,
          variant_id: 21,
          title: "Jacket",
          price: "125.00",
          quantity: 2,
          discount_allocations: [{ amount: "50.00" }],
          tax_lines: [{ rate: 0.25, price: "40.00" }],
        }),
      ],
    });

    it.each([
      ["a tax-inclusive subtotal (as Shopify sends it)", "100.00", []],
      [
        "a tax-exclusive subtotal (corrected, with a warning)",
        "80.00",
        ["refund 5001 line_item 11: refund subtotal looks tax-exclusive in a tax-inclusive shop; tax added"],
      ],
    ])("removes one of two jackets given %s", (_label, subtotal, warnings) => {
      const oneBack = refund({
        refund_line_items: [{ line_item_id: 11, quantity: 1, subtotal, total_tax: "20.00" }],
        transactions: [refundTransaction("100.00")],
      });
      const mapped = mapOrderRemainder(inclusive, [oneBack], options());
      if (!mapped) throw new Error("expected a remainder");
      expect(lineRows(mapped)).toEqual([["11", 1, "125.00", "25.00", "100.00", 25]]);
      expect(mapped.amounts).toMatchObject({ total: "100.00", totalTax: "20.00", roundOff: "0.00" });
      expect(mapped.warnings).toEqual(warnings);
    });
  });
});

describe("mapRefundToDillerRefund", () => {
  it("books the money actually refunded, not the returned lines' value (14 on 04: 85.00 of 414.95)", () => {
    const mapped = mapRefundToDillerRefund(
      orderFixture("04"),
      refundFixture("14"),
      options({ externalId: "refund-14" }),
    );
    expect(mapped.amounts).toEqual({
      currency: "USD",
      total: "85.00",
      totalTax: "0.00",
      totalDiscount: "329.95",
      roundOff: "0.00",
    });
    // the 329.95 not refunded is spread over the five lines by their value (largest remainder)
    expect(lineRows(mapped).map((row) => [row[3], row[4]])).toEqual([
      ["71.56", "18.43"],
      ["15.89", "4.10"],
      ["19.87", "5.12"],
      ["127.22", "32.77"],
      ["95.41", "24.58"],
    ]);
    expect(mapped.body).toMatchObject({
      reason: "Things were damaged",
      external_id: "refund-14",
      external_receipt_id: "#9999",
      created_at: "2021-12-31T19:00:00-05:00",
      payment_details: [{ payment_method: "bogus", sub_total: 85 }],
    });
    expectValidDillerBody(mapped, "CreateRefundTransactionRequest");
  });

  it("maps the partial return 16 (1 of 4 units with tax) to 884.94", () => {
    const mapped = mapRefundToDillerRefund(orderFixture("10"), refundFixture("16"), options());
    expect(mapped.amounts).toMatchObject({
      total: "884.94",
      totalTax: "134.99",
      totalDiscount: "0.00",
      roundOff: "0.00",
    });
    expect(lineRows(mapped)).toEqual([["13340248965334", 1, "884.94", "0.00", "884.94", 18]]);
    expect(mapped.body.reason).toBe("Refund in Shopify");
    expect(mapped.warnings).toEqual([]);
    expectValidDillerBody(mapped, "CreateRefundTransactionRequest");
  });

  it("reads a zero-decimal currency as whole units (15: 20 VND, not 0.20) from the refund's own line item", () => {
    // GIVEN only the refunds/create body and the order's envelope (its line items are not at hand)
    const envelope = order({ id: 6273085767965, name: "#1031", currency: "VND", line_items: [] });
    const mapped = mapRefundToDillerRefund(envelope, refundFixture("15"), options());
    expect(mapped.amounts).toEqual({ currency: "VND", total: "20", totalTax: "0", totalDiscount: "0", roundOff: "0" });
    expect(mapped.body.details).toEqual([
      {
        product: { external_id: "44392954495261", name: "T-shirt 1 - Pipedream1003", brand: "Pipedream0930" },
        quantity: 1,
        unit_price: 20,
        tax_percentage: 0,
        discount: 0,
        total_price: 20,
      },
    ]);
    expectValidDillerBody(mapped, "CreateRefundTransactionRequest");
  });

  it.each([
    [false, "1776.38", 2],
    [true, "1806.38", 3],
  ])("maps 11's cancellation refund with shipping %s to %s", (includeShipping, total, lineCount) => {
    const order11 = orderFixture("11");
    const [cancellation] = order11.refunds;
    if (!cancellation) throw new Error("fixture 11 has a refund");
    const mapped = mapRefundToDillerRefund(order11, cancellation, options({ includeShipping }));
    expect(mapped.amounts).toMatchObject({ total, totalDiscount: "323.47", roundOff: "0.00" });
    expect(mapped.body.details).toHaveLength(lineCount);
    expect(mapped.warnings).toEqual([]);
    expectValidDillerBody(mapped, "CreateRefundTransactionRequest");
  });

  it("maps 12's full refund with IGST per line", () => {
    const order12 = orderFixture("12");
    const [cancellation] = order12.refunds;
    if (!cancellation) throw new Error("fixture 12 has a refund");
    const mapped = mapRefundToDillerRefund(order12, cancellation, options());
    expect(mapped.amounts).toMatchObject({ total: "3256.56", totalTax: "496.76", roundOff: "0.00" });
    expect(lineRows(mapped)).toEqual([
      ["13347497050326", 2, "743.34", "0.00", "1486.68", 18],
      ["13347497083094", 2, "884.94", "0.00", "1769.88", 18],
    ]);
    expectValidDillerBody(mapped, "CreateRefundTransactionRequest");
  });

  it("carries money refunded beyond the returned items in round_off_amount", () => {
    const shirt = order({ line_items: [line({ id: 11, variant_id: 21, title: "Shirt", price: "60.00" })] });
    const generous = refund({
      refund_line_items: [{ line_item_id: 11, quantity: 1, subtotal: "60.00", total_tax: "0.00" }],
      transactions: [refundTransaction("65.00")],
    });
    const mapped = mapRefundToDillerRefund(shirt, generous, options());
    expect(mapped.amounts).toMatchObject({ total: "65.00", roundOff: "5.00" });
    expectValidDillerBody(mapped, "CreateRefundTransactionRequest");
  });
});
