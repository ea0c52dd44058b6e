import { describe, expect, it } from "vitest";

import { emptyKnownOrder, foldOrderEvent, type OrderEvent } from "./known-order";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute));

function event(topic: string, body: object | string, minute = 0): OrderEvent {
  return {
    topic,
    rawBody: typeof body === "string" ? body : JSON.stringify(body),
    receivedAt: t(minute),
    triggeredAt: t(minute),
  };
}

const created = {
  id: 1001,
  name: "#1001",
  updated_at: "2026-11-28T10:00:00Z",
  financial_status: "pending",
  customer: { id: 7 },
};
const paid = { ...created, updated_at: "2026-11-28T10:05:00Z", financial_status: "paid" };
const cancelled = {
  ...paid,
  updated_at: "2026-11-28T10:20:00Z",
  cancelled_at: "2026-11-28T10:20:00Z",
  financial_status: "refunded",
};
const refund = { id: 55, order_id: 1001, created_at: "2026-11-28T10:10:00Z" };

function fold(events: OrderEvent[]) {
  const known = emptyKnownOrder();
  for (const next of events) foldOrderEvent(known, next);
  return known;
}

describe("foldOrderEvent", () => {
  const inOrder = [
    event("ORDERS_CREATE", created, 0),
    event("ORDERS_PAID", paid, 5),
    event("REFUNDS_CREATE", refund, 10),
  ];

  it.each([
    ["in order", inOrder],
    ["reversed", [...inOrder].reverse()],
    ["with duplicates", [...inOrder, ...inOrder]],
    ["paid first", [inOrder[1], inOrder[2], inOrder[0]]],
  ] as [string, OrderEvent[]][])("reaches the same facts %s", (_label, events) => {
    const known = fold(events);
    expect(known.orderName).toBe("#1001");
    expect(known.customerId).toBe("7");
    expect(JSON.parse(known.orderJson ?? "{}").financial_status).toBe("paid");
    expect(known.orderUpdatedAt).toEqual(new Date("2026-11-28T10:05:00Z"));
    expect(known.paidAt).not.toBeNull();
    expect(Object.keys(known.refunds)).toEqual(["55"]);
    expect(known.cancelledAt).toBeNull();
  });

  it("keeps the newest snapshot when an older one arrives later", () => {
    const known = fold([event("ORDERS_PAID", paid, 5), event("ORDERS_CREATE", created, 9)]);
    expect(JSON.parse(known.orderJson ?? "{}").updated_at).toBe("2026-11-28T10:05:00Z");
  });

  it("treats payment and cancellation as sticky, earliest time wins", () => {
    const known = fold([event("ORDERS_CANCELLED", cancelled, 20), event("ORDERS_PAID", paid, 5)]);
    expect(known.cancelledAt).toEqual(new Date("2026-11-28T10:20:00Z"));
    expect(known.paidAt).toEqual(t(5));
  });

  it("learns refunds embedded in order snapshots", () => {
    const known = fold([
      event("ORDERS_CANCELLED", { ...cancelled, refunds: [{ id: 91, order_id: 1001 }, { id: 92 }] }),
    ]);
    expect(Object.keys(known.refunds).sort()).toEqual(["91", "92"]);
  });

  it("reads the checkout consent from the app's own metafield, with the text version the shopper saw", () => {
    const withConsent = {
      ...created,
      metafields: [{ namespace: "$app", key: "diller_consent", value: '{"membership":true,"textVersion":3}' }],
    };
    expect(fold([event("ORDERS_CREATE", withConsent)]).consent).toEqual({
      membership: true,
      marketing: false,
      textVersion: "3",
      source: "checkout",
    });
  });

  it.each([
    [
      "the _diller_consent cart attribute (anyone can set one)",
      { note_attributes: [{ name: "_diller_consent", value: '{"membership":true,"marketing":true}' }] },
    ],
    [
      "another app's namespace",
      { metafields: [{ namespace: "app--987654", key: "diller_consent", value: '{"membership":true}' }] },
    ],
    [
      "a merchant-owned namespace",
      { metafields: [{ namespace: "custom", key: "diller_consent", value: '{"membership":true}' }] },
    ],
  ])("does not trust consent from %s", (_source, forged) => {
    expect(fold([event("ORDERS_CREATE", { ...created, ...forged })]).consent).toBeNull();
  });

  it("keeps ids beyond 2^53 exactly", () => {
    const known = fold([event("ORDERS_CREATE", '{"id": 820982911946154508, "customer": {"id": 115310627314723954}}')]);
    expect(known.customerId).toBe("115310627314723954");
  });

  it.each([
    ["ORDERS_PAID", "{not json", "body is not valid JSON"],
    ["ORDERS_PAID", { name: "#1" }, "order without id"],
    ["REFUNDS_CREATE", { id: 5 }, "refund without id/order_id"],
  ])("refuses an unusable %s event", (topic, body, reason) => {
    const known = emptyKnownOrder();
    expect(foldOrderEvent(known, event(topic, body))).toEqual({ applied: false, reason });
    expect(known).toEqual(emptyKnownOrder());
  });
});
