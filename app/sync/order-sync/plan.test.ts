import { describe, expect, it } from "vitest";

import type { OrderFacts } from "./facts.server";
import { planOrderSync } from "./plan";
import {
  BASE_ID,
  describeStep,
  factsAfter,
  fullRefund,
  NOW,
  orderBody,
  progress,
  settings,
  shirtRefund,
  type Delivery,
} from "./testing/facts";
import type { OrderSyncSettings } from "./plan";

const PAID: Delivery[] = [["ORDERS_PAID", orderBody()]];
const UNPAID: Delivery[] = [["ORDERS_CREATE", orderBody({ financial_status: "pending" })]];
const CANCELLED_UNPAID: Delivery[] = [
  ...UNPAID,
  ["ORDERS_CANCELLED", orderBody({ financial_status: "voided", cancelled_at: "2026-11-01T12:00:00+01:00" })],
];
const PAID_THEN_SHIRT_RETURNED: Delivery[] = [...PAID, ["REFUNDS_CREATE", shirtRefund()]];
const PAID_THEN_ALL_RETURNED: Delivery[] = [...PAID, ["REFUNDS_CREATE", fullRefund()]];
const PAID_THEN_CANCELLED: Delivery[] = [
  ...PAID,
  ["ORDERS_CANCELLED", orderBody({ financial_status: "refunded", cancelled_at: "2026-11-02T12:00:00+01:00" })],
];

const SENT_AT = "2026-11-01T11:00:00.000Z";
const REMAINDER_ID = `${BASE_ID}-r1`;
const linked = { memberId: "m-1", linkedBy: "link", couponCodes: [] };
const withCoupons = { memberId: "m-1", linkedBy: "link", couponCodes: ["SUMMER", "WELCOME10"] };
const sent = { ...linked, live: BASE_ID, posted: { [BASE_ID]: { total: "50.00", at: SENT_AT } } };
const store = { currency: "EUR" };
const consent = { membership: true, marketing: false, textVersion: "v1" };

interface Case {
  name: string;
  deliveries: Delivery[];
  facts?: Partial<OrderFacts>;
  settings?: Partial<OrderSyncSettings>;
  steps: string[];
}

const known = (overrides: Parameters<typeof progress>[0]) => ({ store, progress: progress(overrides) });

const CASES: Case[] = [
  // Before anything is sent: what is missing, and why an order is not sent.
  {
    name: "GIVEN only a refund WHEN planned THEN the order waits for its own data",
    deliveries: [["REFUNDS_CREATE", shirtRefund()]],
    steps: ["PENDING: Waiting for the order itself (only refunds are known so far)"],
  },
  {
    name: "GIVEN an order Shopify sent without line items WHEN planned THEN it fails for good with the reason",
    deliveries: [["ORDERS_PAID", orderBody({ line_items: "none" })]],
    steps: [expect.stringMatching(/^FAILED: The order data from Shopify is unusable: /)],
  },
  {
    name: "GIVEN a test order on a production connection WHEN planned THEN it is skipped",
    deliveries: [["ORDERS_PAID", orderBody({ test: true })]],
    steps: [expect.stringMatching(/^SKIPPED: a Shopify test order/)],
  },
  {
    name: "GIVEN a test order and the merchant allows test orders WHEN planned THEN its member is looked for",
    deliveries: [["ORDERS_PAID", orderBody({ test: true })]],
    facts: { store },
    settings: { sendTestOrders: true },
    steps: ["resolveMember"],
  },
  {
    name: "GIVEN a test order on the pre-release environment WHEN planned THEN its member is looked for",
    deliveries: [["ORDERS_PAID", orderBody({ test: true })]],
    facts: { store },
    settings: { dillerEnvironment: "prerelease" },
    steps: ["resolveMember"],
  },
  {
    name: "GIVEN orders in another currency are skipped WHEN planned THEN the store's currency is read first",
    deliveries: PAID,
    steps: ["readStoreCurrency"],
  },
  {
    name: "GIVEN a EUR order and a NOK store WHEN planned THEN it is skipped with both currencies",
    deliveries: PAID,
    facts: { store: { currency: "NOK" } },
    steps: [
      "SKIPPED: the order is in EUR but the Diller store counts in NOK (choose in the settings to send such orders)",
    ],
  },
  {
    name: "GIVEN the merchant sends orders in any currency WHEN planned THEN the store is not asked",
    deliveries: PAID,
    settings: { currencyMismatch: "SEND" },
    steps: ["resolveMember"],
  },
  {
    name: "GIVEN no member was found and no consent given WHEN planned THEN the order is skipped",
    deliveries: PAID,
    facts: { store, noMemberReason: "no Diller member, and no membership consent was given" },
    steps: ["SKIPPED: no Diller member, and no membership consent was given"],
  },
  {
    name: "GIVEN a member but the codes not compared yet WHEN planned THEN the order's codes are matched",
    deliveries: [["ORDERS_PAID", orderBody({ discount_codes: [{ code: " SUMMER " }, { code: "" }] })]],
    facts: known({ memberId: "m-1", linkedBy: "email" }),
    steps: ["matchCoupons [SUMMER]"],
  },
  {
    name: "GIVEN a paid order with variants WHEN planned THEN the products are read from Shopify before mapping",
    deliveries: [
      [
        "ORDERS_PAID",
        orderBody({ line_items: [{ id: 11, variant_id: 21, title: "Mug", price: "50.00", quantity: 1 }] }),
      ],
    ],
    facts: known(linked),
    steps: ["loadProducts [21]"],
  },

  {
    name: "GIVEN a paid order that cannot be mapped (no currency) WHEN planned THEN it fails for good with the reason",
    deliveries: [["ORDERS_PAID", orderBody({ currency: null })]],
    facts: known(linked),
    settings: { currencyMismatch: "SEND" },
    steps: ["FAILED: The order cannot be mapped to a Diller transaction: order 1001 has no shop currency"],
  },

  // Waiting for payment or fulfilment.
  {
    name: "GIVEN an unpaid order with two of the member's coupons WHEN planned THEN both are reserved and it waits",
    deliveries: UNPAID,
    facts: known(withCoupons),
    steps: [
      `reserve [SUMMER, WELCOME10] for ${BASE_ID} via OnlineStore`,
      "PENDING: Waiting for payment (coupons reserved)",
    ],
  },
  {
    name: "GIVEN a crash after the first of two reservations WHEN planned again THEN only the second is reserved",
    deliveries: UNPAID,
    facts: known({ ...withCoupons, reserved: ["SUMMER"] }),
    steps: [`reserve [WELCOME10] for ${BASE_ID} via OnlineStore`, "PENDING: Waiting for payment (coupons reserved)"],
  },
  {
    name: "GIVEN an unpaid order without coupons WHEN planned THEN it waits for payment",
    deliveries: UNPAID,
    facts: known(linked),
    steps: ["PENDING: Waiting for payment"],
  },
  {
    name: "GIVEN a paid order and the shop sends on fulfilment WHEN planned THEN it waits for fulfilment",
    deliveries: PAID,
    facts: known(linked),
    settings: { orderTrigger: "FULFILLED" },
    steps: ["PENDING: Waiting for fulfilment"],
  },
  {
    name: "GIVEN a fulfilled order and the shop sends on fulfilment WHEN planned THEN it is sent",
    deliveries: [...PAID, ["ORDERS_FULFILLED", orderBody({ fulfillment_status: "fulfilled" })]],
    facts: known(linked),
    settings: { orderTrigger: "FULFILLED" },
    steps: [`post original ${BASE_ID} 50.00 EUR`, `SENT [${BASE_ID} 50.00]`, "notify customer 501"],
  },

  // Sending.
  {
    name: "GIVEN a paid order of a linked member WHEN planned THEN it is posted, recorded SENT, the customer refreshed",
    deliveries: PAID,
    facts: known(linked),
    steps: [`post original ${BASE_ID} 50.00 EUR`, `SENT [${BASE_ID} 50.00]`, "notify customer 501"],
  },
  {
    name: "GIVEN a paid order whose coupons were reserved WHEN planned THEN it is posted with them and they are released",
    deliveries: PAID,
    facts: known({ ...withCoupons, reserved: ["SUMMER", "WELCOME10"] }),
    steps: [
      `post original ${BASE_ID} 50.00 EUR with [SUMMER, WELCOME10]`,
      "release [SUMMER, WELCOME10]",
      `SENT [${BASE_ID} 50.00]`,
      "notify customer 501",
    ],
  },
  {
    name: "GIVEN a crash after posting WHEN planned again THEN only the reservations are released and the record settled",
    deliveries: PAID,
    facts: known({ ...sent, couponCodes: ["SUMMER"], reserved: ["SUMMER"] }),
    steps: ["release [SUMMER]", `SENT [${BASE_ID} 50.00]`],
  },
  {
    name: "GIVEN a sent order and a duplicate webhook WHEN planned THEN nothing is sent again",
    deliveries: [...PAID, ...PAID],
    facts: known(sent),
    steps: [`SENT [${BASE_ID} 50.00]`],
  },
  {
    name: "GIVEN a paid order with only a refund known before WHEN planned THEN the remainder is posted straight away",
    deliveries: [["REFUNDS_CREATE", shirtRefund()], ...PAID],
    facts: known(linked),
    steps: [
      `post remainder ${REMAINDER_ID} 30.00 EUR`,
      `SENT [${REMAINDER_ID} 30.00]: Partially returned: the remainder was sent as ${REMAINDER_ID}`,
      "notify customer 501",
    ],
  },

  // Returns and cancellations.
  {
    name: "GIVEN a sent order with a refund of one line WHEN planned THEN the original is cancelled and the remainder posted",
    deliveries: PAID_THEN_SHIRT_RETURNED,
    facts: known(sent),
    steps: [
      `cancel ${BASE_ID}: Order refunded in Shopify`,
      `post remainder ${REMAINDER_ID} 30.00 EUR`,
      `SENT [${REMAINDER_ID} 30.00]: Partially returned: the remainder was sent as ${REMAINDER_ID}`,
      "notify customer 501",
    ],
  },
  {
    name: "GIVEN a crash after cancelling the original WHEN planned again THEN only the remainder is posted",
    deliveries: PAID_THEN_SHIRT_RETURNED,
    facts: known({ ...sent, live: undefined, cancelled: [BASE_ID] }),
    steps: [
      `post remainder ${REMAINDER_ID} 30.00 EUR`,
      `SENT [${REMAINDER_ID} 30.00]: Partially returned: the remainder was sent as ${REMAINDER_ID}`,
      "notify customer 501",
    ],
  },
  {
    name: "GIVEN a sent order fully returned WHEN planned THEN the transaction is cancelled and the record CANCELLED",
    deliveries: PAID_THEN_ALL_RETURNED,
    facts: known(sent),
    steps: [
      `cancel ${BASE_ID}: Order refunded in Shopify`,
      `CANCELLED [${BASE_ID}]: Fully returned: the Diller transaction was cancelled`,
      "notify customer 501",
    ],
  },
  {
    name: "GIVEN an order fully returned before it was sent WHEN planned THEN nothing is sent",
    deliveries: PAID_THEN_ALL_RETURNED,
    facts: known(linked),
    steps: ["CANCELLED: Fully returned before it was sent"],
  },
  {
    name: "GIVEN a sent order cancelled in Shopify WHEN planned THEN the transaction is cancelled",
    deliveries: PAID_THEN_CANCELLED,
    facts: known(sent),
    steps: [
      `cancel ${BASE_ID}: Order cancelled in Shopify`,
      `CANCELLED [${BASE_ID}]: Cancelled in Shopify: the Diller transaction was cancelled`,
      "notify customer 501",
    ],
  },
  {
    name: "GIVEN an unpaid order with reserved coupons cancelled WHEN planned THEN the reservations are released",
    deliveries: CANCELLED_UNPAID,
    facts: known({ ...withCoupons, reserved: ["SUMMER", "WELCOME10"] }),
    steps: ["release [SUMMER, WELCOME10]", "CANCELLED: Cancelled before it was sent"],
  },
  {
    name: "GIVEN a cancelled order already settled WHEN planned again THEN only the record is written",
    deliveries: PAID_THEN_CANCELLED,
    facts: known({ ...sent, live: undefined, cancelled: [BASE_ID] }),
    steps: [`CANCELLED [${BASE_ID}]: Cancelled in Shopify: the Diller transaction was cancelled`],
  },
  {
    name: "GIVEN a sent test order and test orders switched off since WHEN it is returned THEN it is still followed",
    deliveries: [
      ["ORDERS_PAID", orderBody({ test: true })],
      ["REFUNDS_CREATE", fullRefund()],
    ],
    facts: known(sent),
    steps: [
      `cancel ${BASE_ID}: Order refunded in Shopify`,
      `CANCELLED [${BASE_ID}]: Fully returned: the Diller transaction was cancelled`,
      "notify customer 501",
    ],
  },

  // Consent from checkout.
  {
    name: "GIVEN a shopper registered with consent WHEN the order is sent THEN the consent is stored on the customer last",
    deliveries: PAID,
    facts: { ...known({ memberId: "m-9", linkedBy: "registered", couponCodes: [] }), consent },
    steps: [
      `post original ${BASE_ID} 50.00 EUR`,
      `SENT [${BASE_ID} 50.00]`,
      "notify customer 501",
      "store consent on customer 501",
    ],
  },
  {
    name: "GIVEN the consent was stored already WHEN the order is planned again THEN it is not stored twice",
    deliveries: PAID,
    facts: { ...known({ ...sent, linkedBy: "registered", consentStoredOnShopify: true }), consent },
    steps: [`SENT [${BASE_ID} 50.00]`],
  },
];

describe("planOrderSync: every state of an order", () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))("%s", (_name, testCase) => {
    const facts = factsAfter(testCase.deliveries, testCase.facts);
    expect(planOrderSync(facts, settings(testCase.settings)).map(describeStep)).toEqual(testCase.steps);
  });
});

describe("planOrderSync: what the steps carry", () => {
  it("GIVEN a sent remainder WHEN settled THEN the record names the member, the amount, currency and time sent", () => {
    const facts = factsAfter(PAID_THEN_SHIRT_RETURNED, known(sent));
    const settle = planOrderSync(facts, settings()).find((step) => step.kind === "settle");
    expect(settle).toMatchObject({
      settlement: {
        state: "SENT",
        externalId: REMAINDER_ID,
        totalSent: "30.00",
        currency: "EUR",
        sentAt: NOW,
        memberId: "m-1",
      },
    });
    expect(settle?.kind === "settle" && settle.settlement.progress).toMatchObject({
      live: REMAINDER_ID,
      cancelled: [BASE_ID],
      posted: { [BASE_ID]: { total: "50.00", at: SENT_AT }, [REMAINDER_ID]: { total: "30.00", at: NOW.toISOString() } },
    });
  });

  it("GIVEN a paid order WHEN planned THEN the transaction names the shop's department and the online channel", () => {
    const [post] = planOrderSync(factsAfter(PAID, known(linked)), settings());
    expect(post?.kind === "postTransaction" && post.desired.mapped.body).toMatchObject({
      external_id: BASE_ID,
      department_id: "webshop",
      origin: { system_id: "shopify:example.myshopify.com", channel: "OnlineStore", department_id: "webshop" },
    });
  });

  it("GIVEN a POS order at a mapped location WHEN planned THEN it is booked on channel POS under that location's department", () => {
    const pos: Delivery[] = [["ORDERS_PAID", orderBody({ source_name: "pos", location_id: 77 })]];
    const [post] = planOrderSync(factsAfter(pos, known(linked)), settings());
    expect(post?.kind === "postTransaction" && post.desired.mapped.body).toMatchObject({
      origin: { channel: "POS", department_id: "store-oslo" },
    });
  });

  it("GIVEN an online order returned at a POS location WHEN planned THEN the cancellation names that location", () => {
    const returnedAtPos = shirtRefund();
    returnedAtPos.transactions = [
      { kind: "refund", status: "success", gateway: "cash", amount: "20.00", location_id: 77 },
    ];
    const [cancel] = planOrderSync(factsAfter([...PAID, ["REFUNDS_CREATE", returnedAtPos]], known(sent)), settings());
    expect(cancel).toMatchObject({ kind: "cancelTransaction", origin: { channel: "POS", departmentId: "store-oslo" } });
  });

  it("GIVEN a sent order WHEN cancelled THEN the cancellation carries the order's origin", () => {
    const [cancel] = planOrderSync(factsAfter(PAID_THEN_CANCELLED, known(sent)), settings());
    expect(cancel).toMatchObject({
      kind: "cancelTransaction",
      origin: { channel: "OnlineStore", departmentId: "webshop" },
    });
  });

  it("does not change the facts it is given", () => {
    const facts = factsAfter(PAID_THEN_SHIRT_RETURNED, known(sent));
    const before = structuredClone(facts);
    planOrderSync(facts, settings());
    expect(facts).toEqual(before);
  });
});
