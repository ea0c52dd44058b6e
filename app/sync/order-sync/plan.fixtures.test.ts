import { describe, expect, it } from "vitest";
import { z } from "zod";

import { listWebhookFixtures, readFixtureJson } from "~/shopify/payloads/testing/fixtures";

import { planOrderSync } from "./plan";
import { describeStep, factsAfter, fixtureBody, progress, settings, type Delivery } from "./testing/facts";

const IdOf = z.union([
  z.object({ order_id: z.union([z.string(), z.number()]).transform(String) }),
  z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
]);

/** The order a fixture is about (its own id, or the order a refund belongs to). */
function orderIdOf(number: string): string {
  const ids = IdOf.parse(readFixtureJson(number));
  return "order_id" in ids ? ids.order_id : ids.id;
}

/** A fixture by number, delivered under the topic its name encodes unless another is given. */
type FixtureDelivery = string | [number: string, topic: string];

const numberOf = (fixture: FixtureDelivery) => (typeof fixture === "string" ? fixture : fixture[0]);

/** A fixture as the inbox stores it: its topic (ORDERS_PAID …) and its raw body. */
function delivery(fixture: FixtureDelivery): Delivery {
  const [number, topic] = typeof fixture === "string" ? [fixture, undefined] : fixture;
  const named = listWebhookFixtures().find((candidate) => candidate.number === number);
  if (!named) throw new Error(`no fixture ${number}`);
  return [topic ?? named.topic.toUpperCase().replace("/", "_"), fixtureBody(number)];
}

const externalId = (number: string) => `shopify-example-${orderIdOf(number)}`;
const linked = progress({ memberId: "m-1", linkedBy: "link", couponCodes: [] });
const sentBefore = (number: string, total: string) =>
  progress({
    memberId: "m-1",
    linkedBy: "link",
    couponCodes: [],
    live: externalId(number),
    posted: { [externalId(number)]: { total, at: "2026-11-01T00:00:00.000Z" } },
  });

/** Sent, with the fixture's total (CHECKS.md), and the linked customer refreshed when the order has one. */
const sent = (number: string, total: string, currency: string, customerId?: string) => [
  `post original ${externalId(number)} ${total} ${currency}`,
  `SENT [${externalId(number)} ${total}]`,
  ...(customerId ? [`notify customer ${customerId}`] : []),
];
const remainder = (number: string, suffix: string, total: string, currency: string, customerId: string) => {
  const id = `${externalId(number)}-${suffix}`;
  return [
    `post remainder ${id} ${total} ${currency}`,
    `SENT [${id} ${total}]: Partially returned: the remainder was sent as ${id}`,
    `notify customer ${customerId}`,
  ];
};
const CANCELLED_UNSENT = ["CANCELLED: Cancelled before it was sent"];
const WAITING_FOR_ORDER = ["PENDING: Waiting for the order itself (only refunds are known so far)"];

interface FixtureCase {
  story: string;
  fixtures: FixtureDelivery[];
  includeShipping: boolean;
  progress?: typeof linked;
  steps: string[];
}

const row = (story: string, fixtures: FixtureDelivery[], includeShipping: boolean, steps: string[], from = linked) => ({
  story,
  fixtures,
  includeShipping,
  progress: from,
  steps,
});

// Totals are CHECKS.md's: the charged total, without shipping unless the merchant books it as a line.
const CASES: FixtureCase[] = [
  row("01 a paid 100 % discount order → a 0.00 purchase", ["01"], false, sent("01", "0.00", "EUR", "8333721207132")),
  row("01 with shipping as a line (none charged)", ["01"], true, sent("01", "0.00", "EUR", "8333721207132")),
  row("02 partially paid (1.00 of 439.00) → waits for payment", ["02"], false, ["PENDING: Waiting for payment"]),
  row(
    "02 then orders/paid → the full 439.00",
    ["02", ["02", "ORDERS_PAID"]],
    false,
    sent("02", "439.00", "EUR", "8333721207132"),
  ),
  row("03 a guest's order, codes and shipping 22.00 off", ["03"], false, sent("03", "164.90", "HKD")),
  row("03 with shipping as a line", ["03"], true, sent("03", "186.90", "HKD")),
  row("04 the docs example, payment voided → never sent", ["04"], true, CANCELLED_UNSENT),
  row("04 with its docs refund 14 → still never sent", ["04", "14"], true, CANCELLED_UNSENT),
  row("05 a draft order without customer", ["05"], false, sent("05", "2629.95", "USD")),
  row(
    "06 manual code plus automatic discount, shipping off",
    ["06"],
    false,
    sent("06", "374.00", "HKD", "8658316394796"),
  ),
  row("06 with shipping 20.00 as a line", ["06"], true, sent("06", "394.00", "HKD", "8658316394796")),
  row("07 VAT 23 % on top, quantities above one", ["07"], false, sent("07", "2147.58", "PLN", "6670178025000")),
  row(
    "10 three partial refunds known first → only the remainder (current_total_price)",
    ["10"],
    false,
    remainder("10", "r3", "1628.29", "INR", "6964838301910"),
  ),
  row(
    "10 again with refund 16 (its first refund) → the same remainder",
    ["10", "16"],
    true,
    remainder("10", "r3", "1628.29", "INR", "6964838301910"),
  ),
  row(
    "10 after the original was sent → original cancelled, remainder posted",
    ["10"],
    false,
    [
      `cancel ${externalId("10")}: Order refunded in Shopify`,
      ...remainder("10", "r3", "1628.29", "INR", "6964838301910"),
    ],
    sentBefore("10", "4283.11"),
  ),
  row("11 cancelled and fully refunded before sending", ["11"], false, CANCELLED_UNSENT),
  row(
    "11 cancelled after it was sent → cancelled in Diller",
    ["11"],
    false,
    [
      `cancel ${externalId("11")}: Order cancelled in Shopify`,
      `CANCELLED [${externalId("11")}]: Cancelled in Shopify: the Diller transaction was cancelled`,
      "notify customer 6972527083830",
    ],
    sentBefore("11", "1776.38"),
  ),
  row("12 cancelled, free-shipping code, fully refunded", ["12"], true, CANCELLED_UNSENT),
  row("13 a cancelled draft order", ["13"], false, CANCELLED_UNSENT),
  row("14 a refund before its order", ["14"], false, WAITING_FOR_ORDER),
  row("15 a VND refund before its order", ["15"], false, WAITING_FOR_ORDER),
  row("16 a refund before its order", ["16"], false, WAITING_FOR_ORDER),
];

describe("planOrderSync over the recorded webhooks (a linked member, test orders allowed)", () => {
  it.each(CASES.map((testCase) => [testCase.story, testCase] as const))("%s", (_story, testCase) => {
    // GIVEN the fixtures folded as the job folds them, for a linked member  WHEN planned  THEN
    const [first = ""] = testCase.fixtures.map(numberOf);
    const deliveries = testCase.fixtures.map(delivery);
    const facts = factsAfter(
      deliveries,
      { products: new Map(), progress: testCase.progress ?? linked },
      orderIdOf(first),
    );
    const plan = planOrderSync(
      facts,
      settings({ currencyMismatch: "SEND", sendTestOrders: true, includeShipping: testCase.includeShipping }),
    );
    expect(plan.map(describeStep)).toEqual(testCase.steps);
  });

  it("covers every order and refund fixture (customers fixtures are customer-sync's)", () => {
    const covered = new Set(CASES.flatMap((testCase) => testCase.fixtures.map(numberOf)));
    const orderFixtures = listWebhookFixtures().filter((fixture) => !fixture.topic.startsWith("customers/"));
    expect(orderFixtures.map((fixture) => fixture.number).filter((number) => !covered.has(number))).toEqual([]);
  });
});
