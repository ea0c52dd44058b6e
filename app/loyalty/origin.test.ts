import { describe, expect, it } from "vitest";

import { orderFixture } from "~/shopify/payloads/testing/fixtures";

import { mapOrderToTransaction } from "./order-to-transaction";
import { dillerOrigin, orderOrigin, originLocationIds, returnOrigin, type OriginSettings } from "./origin";
import { options, refund } from "./testing/orders";

const OSLO = "70000000001";
const BERGEN = "70000000002";
const UNMAPPED = "70000000003";

const mapped: OriginSettings = {
  defaultDepartmentId: "webshop",
  locationDepartments: new Map([
    [OSLO, "oslo-city"],
    [BERGEN, "bergen"],
  ]),
};
const noDefault: OriginSettings = { defaultDepartmentId: null, locationDepartments: new Map([[OSLO, "oslo-city"]]) };

describe("orderOrigin", () => {
  it.each([
    ["an online order", mapped, { source_name: "web", location_id: null }, "OnlineStore", "webshop"],
    ["a POS order at a mapped location", mapped, { source_name: "pos", location_id: OSLO }, "POS", "oslo-city"],
    ["a POS order, source in capitals", mapped, { source_name: "POS", location_id: BERGEN }, "POS", "bergen"],
    ["a POS order at an unmapped location", mapped, { source_name: "pos", location_id: UNMAPPED }, "POS", "webshop"],
    ["a POS order without a location", mapped, { source_name: "pos", location_id: null }, "POS", "webshop"],
    [
      "a draft order with a location",
      mapped,
      { source_name: "shopify_draft_order", location_id: OSLO },
      "OnlineStore",
      "webshop",
    ],
    ["an order without a source", mapped, { source_name: null, location_id: null }, "OnlineStore", "webshop"],
    ["an online order, no default", noDefault, { source_name: "web", location_id: null }, "OnlineStore", null],
    [
      "a POS order at a mapped location, no default",
      noDefault,
      { source_name: "pos", location_id: OSLO },
      "POS",
      "oslo-city",
    ],
    [
      "a POS order at an unmapped location, no default",
      noDefault,
      { source_name: "pos", location_id: BERGEN },
      "POS",
      null,
    ],
  ] as const)("%s → %s, department %s", (_case, settings, order, channel, departmentId) => {
    expect(orderOrigin(settings, order)).toEqual({ channel, departmentId });
  });
});

describe("returnOrigin", () => {
  const online = { source_name: "web", location_id: null };
  const pos = { source_name: "pos", location_id: OSLO };
  const atPos = (locationId: string, processedAt: string) =>
    refund({
      processed_at: processedAt,
      transactions: [{ kind: "refund", location_id: locationId, source_name: "pos" }],
    });
  const refundedOnline = (processedAt: string) =>
    refund({
      processed_at: processedAt,
      transactions: [{ kind: "refund", location_id: null, source_name: "1830279" }],
    });

  it.each([
    ["no refunds: the order's origin", pos, [], { channel: "POS", departmentId: "oslo-city" }],
    [
      "a refund made online of a POS order",
      pos,
      [refundedOnline("2025-03-05T10:00:00Z")],
      { channel: "POS", departmentId: "oslo-city" },
    ],
    [
      "a refund made online of an online order",
      online,
      [refundedOnline("2025-03-05T10:00:00Z")],
      { channel: "OnlineStore", departmentId: "webshop" },
    ],
    [
      "an online order returned at a POS",
      online,
      [atPos(BERGEN, "2025-03-05T10:00:00Z")],
      { channel: "POS", departmentId: "bergen" },
    ],
    [
      "a return at an unmapped POS",
      pos,
      [atPos(UNMAPPED, "2025-03-05T10:00:00Z")],
      { channel: "POS", departmentId: "webshop" },
    ],
    [
      "the latest refund decides, whatever the list order",
      pos,
      [atPos(BERGEN, "2025-03-06T09:00:00+01:00"), atPos(OSLO, "2025-03-05T10:00:00Z")],
      { channel: "POS", departmentId: "bergen" },
    ],
    [
      "a later online refund falls back to the order's origin",
      online,
      [atPos(BERGEN, "2025-03-05T10:00:00Z"), refundedOnline("2025-03-07T10:00:00Z")],
      { channel: "OnlineStore", departmentId: "webshop" },
    ],
  ] as const)("%s", (_case, order, refunds, expected) => {
    expect(returnOrigin(mapped, order, refunds)).toEqual(expected);
    // The departments of the locations originLocationIds names are all the origins read.
    const needed = new Set(originLocationIds(order, refunds));
    const only: OriginSettings = {
      ...mapped,
      locationDepartments: new Map([...mapped.locationDepartments].filter(([locationId]) => needed.has(locationId))),
    };
    expect(returnOrigin(only, order, refunds)).toEqual(expected);
    expect(orderOrigin(only, order)).toEqual(orderOrigin(mapped, order));
  });
});

describe("originLocationIds", () => {
  const refundAt = (locationId: string | null) =>
    refund({ transactions: [{ kind: "refund", location_id: locationId, source_name: locationId ? "pos" : "web" }] });

  it.each([
    ["an online order refunded online", { source_name: "web", location_id: null }, [refundAt(null)], []],
    ["a draft order with a location", { source_name: "shopify_draft_order", location_id: OSLO }, [], []],
    ["a POS order", { source_name: "pos", location_id: OSLO }, [], [OSLO]],
    ["an online order returned at a POS", { source_name: "web", location_id: null }, [refundAt(BERGEN)], [BERGEN]],
    [
      "a POS order returned at another POS",
      { source_name: "pos", location_id: OSLO },
      [refundAt(BERGEN), refundAt(OSLO)],
      [BERGEN, OSLO],
    ],
  ] as const)("%s → %j", (_case, order, refunds, expected) => {
    expect(originLocationIds(order, refunds)).toEqual(expected);
  });
});

describe("the origin on the wire", () => {
  it.each([
    [
      { channel: "POS", departmentId: "bergen" },
      { system_id: "s", channel: "POS", department_id: "bergen" },
    ],
    [
      { channel: "OnlineStore", departmentId: null },
      { system_id: "s", channel: "OnlineStore" },
    ],
  ] as const)("%j → %j", (origin, expected) => {
    expect(dillerOrigin("s", origin)).toEqual(expected);
  });

  it("books a POS order on channel POS under its department, in the origin and on the body", () => {
    const order = { ...orderFixture("05"), source_name: "pos", location_id: OSLO };
    const { body } = mapOrderToTransaction(order, options({ origin: orderOrigin(mapped, order) }));
    expect(body.origin).toEqual({
      system_id: "shopify:example.myshopify.com",
      channel: "POS",
      department_id: "oslo-city",
    });
    expect(body.department_id).toBe("oslo-city");
  });
});
