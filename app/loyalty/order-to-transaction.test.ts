import { describe, expect, it } from "vitest";

import { orderFixture } from "~/shopify/payloads/testing/fixtures";

import { Money } from "./money";
import { mapOrderToTransaction, TransactionMappingError, type MappedTransaction } from "./order-to-transaction";
import { expectValidDillerBody } from "./testing/invariants";
import { moneySet, options, order } from "./testing/orders";

/** [source id, quantity, unit_price, discount, total_price, tax_percentage, exact paid] */
type LineRow = [string, number, string, string, string, number, string];

interface FixtureCase {
  fixture: string;
  includeShipping: boolean;
  currency: string;
  total: string;
  totalTax: string;
  totalDiscount: string;
  roundOff: string;
  lines: LineRow[];
  excludedShipping: string;
  payments: [string, string][];
}

function row(
  fixture: string,
  includeShipping: boolean,
  currency: string,
  [total, totalTax, totalDiscount, roundOff]: [string, string, string, string],
  lines: LineRow[],
  excludedShipping: string,
  payments: [string, string][],
): FixtureCase {
  return {
    fixture,
    includeShipping,
    currency,
    total,
    totalTax,
    totalDiscount,
    roundOff,
    lines,
    excludedShipping,
    payments,
  };
}

const SHIP = "shipping";

// Every figure below is CHECKS.md's arithmetic (charged total, tax, Σ discount_allocations, unit incl. tax, net line).
// Shipping off: `total` is the merchandise paid; shipping shows up in `excluded.shipping` instead.
const FIXTURE_CASES: FixtureCase[] = [
  row(
    "01",
    false,
    "EUR",
    ["0.00", "0.00", "5.00", "0.00"],
    [["34851510124892", 1, "5.00", "5.00", "0.00", 0, "0.00"]],
    "0.00",
    [],
  ),
  row(
    "01",
    true,
    "EUR",
    ["0.00", "0.00", "5.00", "0.00"],
    [["34851510124892", 1, "5.00", "5.00", "0.00", 0, "0.00"]],
    "0.00",
    [],
  ),
  row(
    "02",
    false,
    "EUR",
    ["439.00", "0.00", "0.00", "0.00"],
    [["35115809603932", 1, "439.00", "0.00", "439.00", 0, "439.00"]],
    "0.00",
    [["manual", "439.00"]],
  ),
  row(
    "03",
    false,
    "HKD",
    ["164.90", "0.00", "34.10", "0.00"],
    [
      ["15518907892012", 1, "99.00", "19.10", "79.90", 0, "79.90"],
      ["15518907924780", 1, "100.00", "15.00", "85.00", 0, "85.00"],
    ],
    "22.00",
    [["manual", "164.90"]],
  ),
  row(
    "03",
    true,
    "HKD",
    ["186.90", "0.00", "34.10", "0.00"],
    [
      ["15518907892012", 1, "99.00", "19.10", "79.90", 0, "79.90"],
      ["15518907924780", 1, "100.00", "15.00", "85.00", 0, "85.00"],
      [SHIP, 1, "22.00", "0.00", "22.00", 0, "22.00"],
    ],
    "0.00",
    [["manual", "186.90"]],
  ),
  row(
    "04",
    false,
    "USD",
    ["414.95", "0.00", "0.00", "0.00"],
    [
      ["487817672276298560", 1, "89.99", "0.00", "89.99", 0, "89.99"],
      ["789012345678901200", 1, "19.99", "0.00", "19.99", 0, "19.99"],
      ["890123456789012400", 1, "24.99", "0.00", "24.99", 0, "24.99"],
      ["976318377106520300", 1, "159.99", "0.00", "159.99", 0, "159.99"],
      ["315789986012684400", 1, "119.99", "0.00", "119.99", 0, "119.99"],
    ],
    "0.00",
    [["visa + bogus", "414.95"]],
  ),
  row(
    "04",
    true,
    "USD",
    ["414.95", "0.00", "10.00", "0.00"],
    [
      ["487817672276298560", 1, "89.99", "0.00", "89.99", 0, "89.99"],
      ["789012345678901200", 1, "19.99", "0.00", "19.99", 0, "19.99"],
      ["890123456789012400", 1, "24.99", "0.00", "24.99", 0, "24.99"],
      ["976318377106520300", 1, "159.99", "0.00", "159.99", 0, "159.99"],
      ["315789986012684400", 1, "119.99", "0.00", "119.99", 0, "119.99"],
      [SHIP, 1, "10.00", "10.00", "0.00", 0, "0.00"],
    ],
    "0.00",
    [["visa + bogus", "414.95"]],
  ),
  row(
    "05",
    false,
    "USD",
    ["2629.95", "0.00", "0.00", "0.00"],
    [["13925006311734", 1, "2629.95", "0.00", "2629.95", 0, "2629.95"]],
    "0.00",
    [["manual", "2629.95"]],
  ),
  row(
    "06",
    false,
    "HKD",
    ["374.00", "0.00", "25.00", "0.00"],
    [
      ["15514975502636", 1, "99.00", "9.78", "89.22", 0, "89.22"],
      ["15514975535404", 1, "100.00", "5.08", "94.92", 0, "94.92"],
      ["15514975568172", 1, "100.00", "5.07", "94.93", 0, "94.93"],
      ["15514975600940", 1, "100.00", "5.07", "94.93", 0, "94.93"],
    ],
    "20.00",
    [["manual", "374.00"]],
  ),
  row(
    "06",
    true,
    "HKD",
    ["394.00", "0.00", "25.00", "0.00"],
    [
      ["15514975502636", 1, "99.00", "9.78", "89.22", 0, "89.22"],
      ["15514975535404", 1, "100.00", "5.08", "94.92", 0, "94.92"],
      ["15514975568172", 1, "100.00", "5.07", "94.93", 0, "94.93"],
      ["15514975600940", 1, "100.00", "5.07", "94.93", 0, "94.93"],
      [SHIP, 1, "20.00", "0.00", "20.00", 0, "20.00"],
    ],
    "0.00",
    [["manual", "394.00"]],
  ),
  row(
    "07",
    false,
    "PLN",
    ["2147.58", "401.58", "0.00", "0.00"],
    [
      ["31108738842916", 2, "151.29", "0.00", "302.58", 23, "302.58"],
      ["31108738875684", 3, "615.00", "0.00", "1845.00", 23, "1845.00"],
    ],
    "0.00",
    [["manual_in_shopify_test", "2147.58"]],
  ),
  // 749.95 + 539.97 ÷ 4 = 884.9425 → 884.94; 4 × 884.94 = 3539.76, the line paid 3539.77 → round_off 0.01.
  row(
    "10",
    true,
    "INR",
    ["4283.11", "653.36", "0.00", "0.01"],
    [
      ["13340248965334", 4, "884.94", "0.00", "3539.76", 18, "3539.77"],
      ["13340248998102", 1, "743.34", "0.00", "743.34", 18, "743.34"],
    ],
    "0.00",
    [["bogus", "4283.11"]],
  ),
  row(
    "11",
    false,
    "USD",
    ["1776.38", "0.00", "323.47", "0.00"],
    [
      ["13924936679734", 1, "699.95", "113.50", "586.45", 0, "586.45"],
      ["13924936712502", 2, "699.95", "209.97", "1189.93", 0, "1189.93"],
    ],
    "30.00",
    [["manual", "1776.38"]],
  ),
  row(
    "11",
    true,
    "USD",
    ["1806.38", "0.00", "323.47", "0.00"],
    [
      ["13924936679734", 1, "699.95", "113.50", "586.45", 0, "586.45"],
      ["13924936712502", 2, "699.95", "209.97", "1189.93", 0, "1189.93"],
      [SHIP, 1, "30.00", "0.00", "30.00", 0, "30.00"],
    ],
    "0.00",
    [["manual", "1806.38"]],
  ),
  // FREESHIP2024 discounted a 0.00 shipping line: no merchandise discount; a 0.00 shipping line is no Diller line.
  row(
    "12",
    true,
    "INR",
    ["3256.56", "496.76", "0.00", "0.00"],
    [
      ["13347497050326", 2, "743.34", "0.00", "1486.68", 18, "1486.68"],
      ["13347497083094", 2, "884.94", "0.00", "1769.88", 18, "1769.88"],
    ],
    "0.00",
    [["bogus", "3256.56"]],
  ),
  row(
    "13",
    false,
    "HKD",
    ["99.00", "0.00", "0.00", "0.00"],
    [["15515765276972", 1, "99.00", "0.00", "99.00", 0, "99.00"]],
    "0.00",
    [["manual", "99.00"]],
  ),
];

function lineRows(mapped: MappedTransaction): LineRow[] {
  return mapped.body.details.map((detail, index) => {
    const line = mapped.lines[index];
    const source = line?.source.kind === "line_item" ? line.source.lineItemId : SHIP;
    const money = (value: number) => Money.parse(value, mapped.body.currency).toString();
    return [
      source,
      detail.quantity,
      money(detail.unit_price),
      money(detail.discount),
      money(detail.total_price),
      detail.tax_percentage,
      line?.paid ?? "?",
    ];
  });
}

describe("mapOrderToTransaction over the recorded fixtures (CHECKS.md)", () => {
  it.each(FIXTURE_CASES.map((testCase) => [testCase.fixture, testCase.includeShipping, testCase] as const))(
    "fixture %s, shipping as a line: %s",
    (fixture, includeShipping, expected) => {
      // GIVEN a recorded order  WHEN it is mapped
      const mapped = mapOrderToTransaction(orderFixture(fixture), options({ includeShipping }));

      // THEN totals, lines and payments reproduce the hand-checked arithmetic
      expect(mapped.amounts).toEqual({
        currency: expected.currency,
        total: expected.total,
        totalTax: expected.totalTax,
        totalDiscount: expected.totalDiscount,
        roundOff: expected.roundOff,
      });
      expect(lineRows(mapped)).toEqual(expected.lines);
      expect(mapped.excluded.shipping).toBe(expected.excludedShipping);
      expect(
        mapped.body.payment_details.map((payment) => [
          payment.payment_method,
          Money.parse(payment.sub_total, expected.currency).toString(),
        ]),
      ).toEqual(expected.payments);
      expectValidDillerBody(mapped, "CreateTransactionRequest");
    },
  );

  it.each(FIXTURE_CASES.map((testCase) => [testCase.fixture, testCase.includeShipping] as const))(
    "fixture %s (shipping %s): Σ exact line amounts = total, and a consistent order raises no amount warning",
    (fixture, includeShipping) => {
      const mapped = mapOrderToTransaction(orderFixture(fixture), options({ includeShipping }));
      const currency = mapped.body.currency;
      const paid = Money.sum(
        mapped.lines.map((line) => Money.parse(line.paid, currency)),
        currency,
      );
      expect(paid.toString()).toBe(mapped.amounts.total);
      if (fixture !== "04") expect(mapped.warnings.filter((warning) => warning.includes("computed"))).toEqual([]);
    },
  );

  it("maps the 100 % discount order (01) to total 0 with the whole line as discount, not 5.00", () => {
    const mapped = mapOrderToTransaction(orderFixture("01"), options());
    expect(mapped.body.total).toBe(0);
    expect(mapped.body.total_discount).toBe(5);
    expect(mapped.body.payment_details).toEqual([]);
    expect(mapped.warnings).toEqual([]);
  });

  it("fills the fixed fields (fixture 07)", () => {
    const mapped = mapOrderToTransaction(
      orderFixture("07"),
      options({ externalId: "order-100500", couponCodes: ["WELCOME10"] }),
    );
    expect(mapped.body).toMatchObject({
      external_id: "order-100500",
      external_receipt_id: "#1166X01",
      created_at: "2024-10-08T14:03:30+02:00",
      currency: "PLN",
      send_email_receipt: false,
      coupon_codes: ["WELCOME10"],
      department_id: "webshop",
      origin: { system_id: "shopify:example.myshopify.com", department_id: "webshop", channel: "OnlineStore" },
    });
    expect(mapped.body.details[0]?.product).toEqual({
      external_id: "49620724449000",
      sku: "gtp3-ref-2",
      name: "Guitar Pro3 - White",
      brand: "vendevstore2",
    });
    expect(mapped.reportedTotal).toBe("2147.58");
  });

  it("keeps the internally inconsistent docs example (04) mappable and says what disagrees", () => {
    const mapped = mapOrderToTransaction(orderFixture("04"), options({ includeShipping: true }));
    expect(mapped.warnings).toEqual(
      expect.arrayContaining([
        "total_price 404.95 ≠ 414.95 computed from lines",
        "total_discounts 20.00 ≠ 10.00 computed from lines",
        "order 820982911946154500 is cancelled (financial_status voided)",
      ]),
    );
    expect(mapped.reportedTotal).toBe("404.95");
  });

  it("warns that a partially paid order (02) is not paid, but maps it", () => {
    const mapped = mapOrderToTransaction(orderFixture("02"), options());
    expect(mapped.warnings).toContain("order 11787496948060 is not paid (financial_status partially_paid)");
  });

  it("leaves department fields out when the merchant has none", () => {
    const mapped = mapOrderToTransaction(
      orderFixture("05"),
      options({ origin: { channel: "OnlineStore", departmentId: null } }),
    );
    expect(mapped.body).not.toHaveProperty("department_id");
    expect(mapped.body.origin).toEqual({ system_id: "shopify:example.myshopify.com", channel: "OnlineStore" });
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });
});

const line = (json: Record<string, unknown>) => ({ quantity: 1, gift_card: false, taxable: true, ...json });

describe("mapOrderToTransaction edge cases (hand-built orders)", () => {
  it("excludes a gift-card purchase from the loyalty purchase", () => {
    // GIVEN an order buying a 50.00 gift card and two mugs
    const giftCardOrder = order({
      currency: "USD",
      total_price: "80.00",
      line_items: [
        line({ id: 11, variant_id: 21, title: "Gift card", price: "50.00", gift_card: true }),
        line({ id: 12, variant_id: 22, title: "Mug", price: "15.00", quantity: 2 }),
      ],
    });
    // WHEN it is mapped
    const mapped = mapOrderToTransaction(giftCardOrder, options());
    // THEN only the mugs earn: total 30.00, the gift card is reported as excluded
    expect(mapped.amounts.total).toBe("30.00");
    expect(mapped.body.details.map((detail) => detail.product.name)).toEqual(["Mug"]);
    expect(mapped.excludedGiftCardTotal).toBe("50.00");
    expect(mapped.body.payment_details).toEqual([{ payment_method: "shopify_payments", sub_total: 30 }]);
    expect(mapped.warnings).toEqual([]);
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("uses shop money on a multi-currency order, never the presentment amounts", () => {
    // GIVEN a USD shop selling to a EUR buyer; the plain fields carry the EUR figures
    const eur = (amount: string) => ({ amount, currency: "EUR" });
    const multiCurrency = order({
      currency: "USD",
      presentment_currency: "EUR",
      total_price: "9.94",
      total_price_set: moneySet("10.80", "USD", eur("9.94")),
      line_items: [
        line({
          id: 11,
          variant_id: 21,
          title: "Beanie",
          price: "9.20",
          price_set: moneySet("10.00", "USD", eur("9.20")),
          discount_allocations: [{ amount: "0.92", amount_set: moneySet("1.00", "USD", eur("0.92")) }],
          tax_lines: [{ title: "VAT", rate: 0.2, price: "1.66", price_set: moneySet("1.80", "USD", eur("1.66")) }],
        }),
      ],
    });
    // WHEN it is mapped
    const mapped = mapOrderToTransaction(multiCurrency, options());
    // THEN every amount is USD shop money: (10.00 − 1.00) + 1.80 tax = 10.80
    expect(mapped.body.currency).toBe("USD");
    expect(mapped.amounts).toMatchObject({ total: "10.80", totalTax: "1.80", totalDiscount: "1.20", roundOff: "0.00" });
    expect(mapped.body.details[0]).toMatchObject({
      unit_price: 12,
      discount: 1.2,
      total_price: 10.8,
      tax_percentage: 20,
    });
    expect(mapped.reportedTotal).toBe("10.80");
    expect(mapped.warnings).toEqual([]);
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("rounds to the mil in a 3-decimal currency and carries the rounding in round_off_amount (BHD)", () => {
    // GIVEN 3 × 1.255 BHD + 10 % VAT 0.377, taxes excluded
    const bhd = order({
      currency: "BHD",
      total_price: "4.142",
      line_items: [
        line({
          id: 11,
          variant_id: 21,
          title: "Dates",
          price: "1.255",
          quantity: 3,
          tax_lines: [{ title: "VAT", rate: 0.1, price: "0.377" }],
        }),
      ],
    });
    // WHEN it is mapped
    const mapped = mapOrderToTransaction(bhd, options());
    // THEN the unit incl. tax is 1.255 × 4.142 ÷ 3.765 = 1.38067 → 1.381; 3 × 1.381 = 4.143 → round_off −0.001
    expect(mapped.amounts).toEqual({
      currency: "BHD",
      total: "4.142",
      totalTax: "0.377",
      totalDiscount: "0.000",
      roundOff: "-0.001",
    });
    expect(mapped.body.details[0]).toMatchObject({
      quantity: 3,
      unit_price: 1.381,
      total_price: 4.143,
      tax_percentage: 10,
    });
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("maps a zero-decimal currency in whole units (JPY)", () => {
    const jpy = order({
      currency: "JPY",
      taxes_included: true,
      total_price: "3300",
      line_items: [
        line({
          id: 11,
          variant_id: 21,
          title: "Tea",
          price: "1100",
          quantity: 3,
          tax_lines: [{ rate: 0.1, price: "300" }],
        }),
      ],
    });
    const mapped = mapOrderToTransaction(jpy, options());
    expect(mapped.amounts).toEqual({
      currency: "JPY",
      total: "3300",
      totalTax: "300",
      totalDiscount: "0",
      roundOff: "0",
    });
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("shows a line-level 100 % discount incl. tax and a total of 0 (taxes excluded)", () => {
    // GIVEN 2 × 50.00 fully discounted (tax 0.00 at 25 %) next to a 20.00 + 5.00 tax line
    const discounted = order({
      total_price: "25.00",
      line_items: [
        line({
          id: 11,
          variant_id: 21,
          title: "Free poster",
          price: "50.00",
          quantity: 2,
          discount_allocations: [{ amount: "100.00", discount_application_index: 0 }],
          tax_lines: [{ title: "VAT", rate: 0.25, price: "0.00" }],
        }),
        line({
          id: 12,
          variant_id: 22,
          title: "Frame",
          price: "20.00",
          tax_lines: [{ title: "VAT", rate: 0.25, price: "5.00" }],
        }),
      ],
    });
    // WHEN it is mapped
    const mapped = mapOrderToTransaction(discounted, options());
    // THEN the poster line is 2 × 62.50 − 125.00 = 0 and only the frame is paid
    expect(mapped.body.details[0]).toMatchObject({
      unit_price: 62.5,
      discount: 125,
      total_price: 0,
      tax_percentage: 25,
    });
    expect(mapped.body.details[1]).toMatchObject({ unit_price: 25, discount: 0, total_price: 25, tax_percentage: 25 });
    expect(mapped.amounts).toMatchObject({
      total: "25.00",
      totalTax: "5.00",
      totalDiscount: "125.00",
      roundOff: "0.00",
    });
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("expresses discounts incl. tax in tax-inclusive shops without any rounding", () => {
    const inclusive = order({
      taxes_included: true,
      total_price: "200.00",
      line_items: [
        line({
          id: 11,
          variant_id: 21,
          title: "Jacket",
          price: "125.00",
          quantity: 2,
          discount_allocations: [{ amount: "50.00" }],
          tax_lines: [{ title: "MwSt", rate: 0.25, price: "40.00" }],
        }),
      ],
    });
    const mapped = mapOrderToTransaction(inclusive, options());
    expect(mapped.body.details[0]).toMatchObject({
      unit_price: 125,
      discount: 50,
      total_price: 200,
      tax_percentage: 25,
    });
    expect(mapped.amounts).toMatchObject({ total: "200.00", totalTax: "40.00", roundOff: "0.00" });
  });

  it("keeps zero-price lines (quantity counts, price 0)", () => {
    const withSample = order({
      total_price: "10.00",
      line_items: [
        line({ id: 11, variant_id: 21, title: "Soap", price: "10.00" }),
        line({ id: 12, variant_id: 22, title: "Free sample", price: "0.00", quantity: 2 }),
      ],
    });
    const mapped = mapOrderToTransaction(withSample, options());
    expect(mapped.body.details[1]).toMatchObject({ quantity: 2, unit_price: 0, discount: 0, total_price: 0 });
    expect(mapped.amounts.total).toBe("10.00");
    expectValidDillerBody(mapped, "CreateTransactionRequest");
  });

  it("never lets a free-shipping discount reduce merchandise, and shows it only with shipping on", () => {
    // GIVEN 40.00 of goods + 10 % tax and 10.00 shipping (+ 10 % tax rate) made free by a code
    const freeShipping = order({
      total_price: "44.00",
      total_discounts: "10.00",
      line_items: [
        line({ id: 11, variant_id: 21, title: "Scarf", price: "40.00", tax_lines: [{ rate: 0.1, price: "4.00" }] }),
      ],
      shipping_lines: [
        {
          id: 71,
          title: "Express",
          price: "10.00",
          discounted_price: "0.00",
          discount_allocations: [{ amount: "10.00", discount_application_index: 0 }],
          tax_lines: [{ rate: 0.1, price: "0.00" }],
        },
      ],
    });
    const off = mapOrderToTransaction(freeShipping, options({ includeShipping: false }));
    const on = mapOrderToTransaction(freeShipping, options({ includeShipping: true }));
    expect(off.amounts).toMatchObject({ total: "44.00", totalDiscount: "0.00" });
    expect(off.body.details).toHaveLength(1);
    expect(on.amounts).toMatchObject({ total: "44.00", totalDiscount: "11.00" });
    expect(on.body.details[0]).toMatchObject({ unit_price: 44, discount: 0, total_price: 44 });
    expect(on.body.details[1]).toMatchObject({
      product: { external_id: "shipping", name: "Express" },
      unit_price: 11,
      discount: 11,
      total_price: 0,
      tax_percentage: 10,
    });
    for (const mapped of [off, on]) {
      expect(mapped.warnings).toEqual([]);
      expectValidDillerBody(mapped, "CreateTransactionRequest");
    }
  });

  it("adds shipping tax to the shipping line when taxes are excluded", () => {
    const taxedShipping = order({
      total_price: "36.30",
      line_items: [
        line({ id: 11, variant_id: 21, title: "Book", price: "20.00", tax_lines: [{ rate: 0.21, price: "4.20" }] }),
      ],
      shipping_lines: [
        {
          id: 71,
          title: "PostNL",
          price: "10.00",
          discounted_price: "10.00",
          tax_lines: [{ rate: 0.21, price: "2.10" }],
        },
      ],
    });
    const mapped = mapOrderToTransaction(taxedShipping, options({ includeShipping: true }));
    expect(mapped.body.details[1]).toMatchObject({ unit_price: 12.1, total_price: 12.1, tax_percentage: 21 });
    expect(mapped.amounts).toMatchObject({ total: "36.30", totalTax: "6.30" });
    expect(mapOrderToTransaction(taxedShipping, options()).excluded.shipping).toBe("12.10");
  });

  describe("payment_details", () => {
    const twoGateways = (extra: Record<string, unknown> = {}) =>
      order({
        total_price: "100.00",
        payment_gateway_names: ["gift_card", "shopify_payments"],
        line_items: [line({ id: 11, variant_id: 21, title: "Boots", price: "90.00" })],
        shipping_lines: [{ id: 71, title: "Standard", price: "10.00", discounted_price: "10.00" }],
        ...extra,
      });
    const paymentRows = (mapped: MappedTransaction) =>
      mapped.body.payment_details.map((payment) => [payment.payment_method, payment.sub_total]);

    it.each([
      [
        "known amounts that match the total are kept",
        true,
        [
          { gateway: "gift_card", amount: "30.00" },
          { gateway: "shopify_payments", amount: "70.00" },
        ],
        [
          ["gift_card", 30],
          ["shopify_payments", 70],
        ],
      ],
      [
        "known amounts are scaled to total when shipping is excluded (largest remainder)",
        false,
        [
          { gateway: "gift_card", amount: "30.00" },
          { gateway: "shopify_payments", amount: "70.00" },
        ],
        [
          ["gift_card", 27],
          ["shopify_payments", 63],
        ],
      ],
      [
        "several captures of one gateway are added up, zero entries dropped",
        true,
        [
          { gateway: "shopify_payments", amount: "60.00" },
          { gateway: "gift_card", amount: "0.00" },
          { gateway: "shopify_payments", amount: "40.00" },
        ],
        [["shopify_payments", 100]],
      ],
    ])("%s", (_label, includeShipping, payments, expected) => {
      const mapped = mapOrderToTransaction(twoGateways(), options({ includeShipping, payments }));
      expect(paymentRows(mapped)).toEqual(expected);
      expectValidDillerBody(mapped, "CreateTransactionRequest");
    });

    it("combines several gateways into one entry when the split is unknown", () => {
      const mapped = mapOrderToTransaction(twoGateways(), options());
      expect(paymentRows(mapped)).toEqual([["gift_card + shopify_payments", 90]]);
      expect(mapped.warnings).toContain(
        "amounts per gateway unknown for gift_card, shopify_payments: one combined payment_details entry",
      );
    });

    it("sends no payment entry when no gateway is known", () => {
      const mapped = mapOrderToTransaction(twoGateways({ payment_gateway_names: [] }), options());
      expect(mapped.body.payment_details).toEqual([]);
      expect(mapped.warnings).toContain("no payment gateway known: payment_details left empty");
    });
  });

  describe("products", () => {
    const enriched = order({
      total_price: "30.00",
      line_items: [
        line({
          id: 11,
          variant_id: 21,
          product_id: 31,
          title: "Board",
          variant_title: "Red",
          vendor: "Acme",
          sku: "B-R",
          price: "10.00",
        }),
        line({
          id: 12,
          variant_id: null,
          product_id: 32,
          title: "Wax",
          variant_title: "Default Title",
          vendor: "",
          price: "10.00",
        }),
        line({ id: 13, variant_id: null, product_id: null, title: "Custom engraving", sku: " ", price: "10.00" }),
      ],
    });

    it("is variant-level with product and line id fallbacks, enriched from the Admin API", () => {
      const products = new Map([
        ["21", { productType: "Snowboards", vendor: "Ignored", barcode: "4006381333931" }],
        ["gid://shopify/Product/32", { productType: " ", vendor: "WaxCo", barcode: "4006381333932" }],
      ]);
      const mapped = mapOrderToTransaction(enriched, options({ products }));
      expect(mapped.body.details.map((detail) => detail.product)).toEqual([
        {
          external_id: "21",
          sku: "B-R",
          name: "Board - Red",
          brand: "Acme",
          category: { name: "Snowboards" },
          gtin: { type: "EanGtin13", code: "4006381333931" },
        },
        { external_id: "32", name: "Wax", brand: "WaxCo" },
        { external_id: "13", name: "Custom engraving" },
      ]);
      expectValidDillerBody(mapped, "CreateTransactionRequest");
    });
  });

  it("warns when the deprecated line total_discount claims a discount the allocations do not show", () => {
    const legacy = order({
      total_price: "10.00",
      line_items: [line({ id: 11, variant_id: 21, title: "Cap", price: "10.00", total_discount: "2.00" })],
    });
    const mapped = mapOrderToTransaction(legacy, options());
    expect(mapped.amounts.totalDiscount).toBe("0.00");
    expect(mapped.warnings).toContain(
      "line_item 11: deprecated total_discount 2.00 without discount_allocations was ignored",
    );
  });

  it.each([
    ["processed_at", { processed_at: "2025-03-01T10:00:00+01:00" }, "2025-03-01T10:00:00+01:00"],
    [
      "created_at when processed_at is missing",
      { processed_at: null, created_at: "2025-03-01T09:59:00Z" },
      "2025-03-01T09:59:00Z",
    ],
    [
      "an RFC 2822 date converted to ISO 8601",
      { processed_at: "Sat, 01 Mar 2025 09:00:00 GMT" },
      "2025-03-01T09:00:00.000Z",
    ],
  ])("dates the purchase from %s", (_label, dates, expected) => {
    const dated = order({ ...dates, line_items: [line({ id: 11, title: "Cap", price: "10.00" })] });
    expect(mapOrderToTransaction(dated, options()).body.created_at).toBe(expected);
  });

  it.each([
    [
      "no shop currency",
      { currency: null, line_items: [line({ id: 11, price: "1.00" })] },
      options(),
      "missing_currency",
    ],
    [
      "shop money in another currency",
      { currency: "USD", line_items: [line({ id: 11, price_set: moneySet("1.00", "EUR") })] },
      options(),
      "currency_mismatch",
    ],
    [
      "more decimals than the currency has",
      { currency: "JPY", line_items: [line({ id: 11, price: "100.5" })] },
      options(),
      "invalid_amount",
    ],
    [
      "tax charged without taxes_included",
      {
        taxes_included: null,
        line_items: [line({ id: 11, price: "1.00", tax_lines: [{ price: "0.20", rate: 0.2 }] })],
      },
      options(),
      "unknown_tax_basis",
    ],
    [
      "no date at all",
      { processed_at: null, created_at: "yesterday", line_items: [line({ id: 11, price: "1.00" })] },
      options(),
      "missing_date",
    ],
    [
      "an empty external id",
      { line_items: [line({ id: 11, price: "1.00" })] },
      options({ externalId: " " }),
      "missing_external_id",
    ],
  ])("throws TransactionMappingError for %s", (_label, json, mappingOptions, code) => {
    const unusable = order(json);
    expect(() => mapOrderToTransaction(unusable, mappingOptions)).toThrow(TransactionMappingError);
    expect(() => mapOrderToTransaction(unusable, mappingOptions)).toThrow(expect.objectContaining({ code }));
  });

  it("maps an order without taxes_included when it charges no tax", () => {
    const untaxed = order({ taxes_included: null, line_items: [line({ id: 11, title: "Cap", price: "10.00" })] });
    expect(mapOrderToTransaction(untaxed, options()).amounts.total).toBe("10.00");
  });
});
