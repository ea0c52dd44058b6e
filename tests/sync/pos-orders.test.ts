import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TEST_SHOP } from "../shopify";

import { memberOrders, SHOP_HANDLE, startSyncHarness, type SyncHarness } from "./harness";

// POS registers as Diller departments (docs/decisions/038-pos-departments.md): the shop's two
// stores are mapped to the demo store's departments; "webshop" is the default department.
const OSLO = "61000000001";
const BERGEN = "61000000002";
const UNMAPPED = "61000000003";

const money = (amount: string) => ({
  shop_money: { amount, currency_code: "NOK" },
  presentment_money: { amount, currency_code: "NOK" },
});

// Fixture 06 in NOK (nokOrderFixture): the Diller total is 374.00.
let nextOrderId = 8_000_000;
const paidOrder = memberOrders("P", () => nextOrderId++);
const posOrder = (locationId: string) => paidOrder({ source_name: "pos", location_id: Number(locationId) });

/** One of the four lines returned (94.92); `locationId` when the money went back at a POS register. */
function returnOf(orderId: number, locationId: string | null) {
  return {
    id: orderId + 50_000,
    order_id: orderId,
    created_at: "2026-11-28T11:00:00Z",
    processed_at: "2026-11-28T11:00:00Z",
    note: "one item returned",
    refund_line_items: [
      {
        id: orderId + 60_000,
        line_item_id: 15514975535404,
        location_id: locationId === null ? null : Number(locationId),
        quantity: 1,
        restock_type: "return",
        subtotal: 94.92,
        subtotal_set: money("94.92"),
        total_tax: 0,
        total_tax_set: money("0.00"),
      },
    ],
    transactions: [
      {
        id: orderId + 70_000,
        kind: "refund",
        status: "success",
        gateway: "cash",
        amount: "94.92",
        currency: "NOK",
        location_id: locationId === null ? null : Number(locationId),
        source_name: locationId === null ? "web" : "pos",
      },
    ],
    order_adjustments: [],
  };
}

const externalId = (orderId: number, suffix = "") => `shopify-${SHOP_HANDLE}-${orderId}${suffix}`;

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
  await h.app.db.locationDepartment.createMany({
    data: [
      { shop: TEST_SHOP, locationId: OSLO, departmentId: "oslo-city" },
      { shop: TEST_SHOP, locationId: BERGEN, departmentId: "bergen" },
      // Another shop's mapping of the same location must not count.
      { shop: "other-shop.myshopify.com", locationId: UNMAPPED, departmentId: "oslo-city" },
    ],
  });
});
afterAll(async () => {
  await h.stop();
  expect(h.sandbox.contractViolations).toEqual([]);
  expect(h.adminApi.invalid).toEqual([]);
});

const transaction = (id: string) => h.transactions().find((candidate) => candidate.externalId === id);

describe("POS orders", () => {
  it("books a paid POS order on channel POS under its register's department", async () => {
    const order = posOrder(OSLO);
    await h.deliver("orders/paid", order);
    await h.settle();

    expect(transaction(externalId(order.id))).toMatchObject({ status: "completed", total: 374 });
    expect(transaction(externalId(order.id))?.request).toMatchObject({
      department_id: "oslo-city",
      origin: { system_id: `shopify:${TEST_SHOP}`, channel: "POS", department_id: "oslo-city" },
    });
    expect(await h.orderSync(String(order.id))).toMatchObject({ state: "SENT" });
  });

  it("books a POS order of a register without a department under the default department", async () => {
    const order = posOrder(UNMAPPED);
    await h.deliver("orders/paid", order);
    await h.settle();

    expect(transaction(externalId(order.id))?.request).toMatchObject({
      department_id: "webshop",
      origin: { channel: "POS", department_id: "webshop" },
    });
  });

  it("a return at the POS cancels on channel POS and books the remainder there as well", async () => {
    const order = posOrder(BERGEN);
    await h.deliver("orders/paid", order);
    await h.settle();
    await h.deliver("refunds/create", returnOf(order.id, BERGEN));
    await h.settle();

    expect(transaction(externalId(order.id))).toMatchObject({
      status: "cancelled",
      cancellation: { origin: { channel: "POS", department_id: "bergen" } },
    });
    expect(transaction(externalId(order.id, "-r1"))).toMatchObject({ status: "completed", total: 279.08 });
    expect(transaction(externalId(order.id, "-r1"))?.request).toMatchObject({
      department_id: "bergen",
      origin: { channel: "POS", department_id: "bergen" },
    });
  });

  it("an online order returned at a POS: the cancel is the register's, the remainder stays the webshop's", async () => {
    const order = paidOrder({ source_name: "web", location_id: null });
    await h.deliver("orders/paid", order);
    await h.settle();
    await h.deliver("refunds/create", returnOf(order.id, OSLO));
    await h.settle();

    expect(transaction(externalId(order.id))).toMatchObject({
      status: "cancelled",
      cancellation: { origin: { channel: "POS", department_id: "oslo-city" } },
    });
    expect(transaction(externalId(order.id, "-r1"))?.request).toMatchObject({
      department_id: "webshop",
      origin: { channel: "OnlineStore", department_id: "webshop" },
    });
  });
});
