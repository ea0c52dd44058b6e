import { describe, expect, it } from "vitest";

import { orderOrigin, returnOrigin } from "~/loyalty/origin";

import { GraphqlOrderSchema } from "./order-schema";
import { graphqlOrderToPayload } from "./to-payload";
import { parseOrderPayload } from "../payloads/order";

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: "NOK" } });
const settings = { defaultDepartmentId: "webshop", locationDepartments: new Map([["61000000002", "bergen"]]) };

function reconciled(fields: Record<string, unknown>) {
  const node = GraphqlOrderSchema.parse({
    id: "gid://shopify/Order/42",
    legacyResourceId: "42",
    updatedAt: "2026-11-28T10:00:00Z",
    currencyCode: "NOK",
    lineItems: { nodes: [] },
    ...fields,
  });
  const parsed = parseOrderPayload(graphqlOrderToPayload(node));
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

describe("a reconciled order keeps where it was rung up", () => {
  it("a POS order: source and retail location, and the location of a refund's money", () => {
    const order = reconciled({
      sourceName: "pos",
      retailLocation: { legacyResourceId: "61000000002" },
      refunds: [
        {
          legacyResourceId: "7",
          processedAt: "2026-11-28T11:00:00Z",
          transactions: {
            nodes: [{ kind: "REFUND", amountSet: money("10.00"), location: { legacyResourceId: "61000000002" } }],
          },
        },
      ],
    });
    expect(order).toMatchObject({ source_name: "pos", location_id: "61000000002" });
    expect(orderOrigin(settings, order)).toEqual({ channel: "POS", departmentId: "bergen" });
    expect(returnOrigin(settings, order, order.refunds)).toEqual({ channel: "POS", departmentId: "bergen" });
  });

  it("an online order, or one read without the read_locations scope (no location)", () => {
    const order = reconciled({ sourceName: "web", retailLocation: null });
    expect(order).toMatchObject({ source_name: "web", location_id: null });
    expect(orderOrigin(settings, order)).toEqual({ channel: "OnlineStore", departmentId: "webshop" });
  });
});
