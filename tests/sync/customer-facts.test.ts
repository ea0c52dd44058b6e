import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { levelTag } from "~/shopify/loyalty-facts.server";
import { TEST_SHOP } from "../shopify";

import { KARI, nokOrderFixture, startSyncHarness, type SyncHarness } from "./harness";

let h: SyncHarness;
let nextId = 8_500_000;
const customerTags = new Map<string, string[]>();

beforeAll(async () => {
  h = await startSyncHarness();
  h.adminApi.resolvers.DillerCustomerTags = (variables) => ({
    customer: { tags: customerTags.get(String(variables.id)) ?? [] },
  });
  h.adminApi.resolvers.DillerStoreLoyaltyFacts = () => ({
    metafieldsSet: { userErrors: [] },
    tagsAdd: { userErrors: [] },
    tagsRemove: { userErrors: [] },
  });
});
afterAll(async () => {
  await h.stop();
  expect(h.sandbox.contractViolations).toEqual([]);
  expect(h.adminApi.invalid).toEqual([]);
});

async function linkedOrder() {
  const customerId = nextId++;
  await h.app.db.customerLink.create({
    data: {
      shop: TEST_SHOP,
      customerId: String(customerId),
      memberId: DEMO_MEMBERS.kari,
      linkedBy: "email",
      state: "LINKED",
    },
  });
  const base = nokOrderFixture();
  const id = nextId++;
  return { ...base, id, name: `#F${id}`, email: KARI.email, customer: { id: customerId, email: KARI.email } };
}
const factWrites = (customerId: number) =>
  h.adminApi.calls.filter(
    (call) =>
      call.operation === "DillerStoreLoyaltyFacts" &&
      call.variables.customerId === `gid://shopify/Customer/${customerId}`,
  );

describe("loyalty facts on the Shopify customer", () => {
  it("writes nothing (and reads nothing more from Diller) while the merchant has not asked for it", async () => {
    const order = await linkedOrder();
    const before = h.sandbox.requestLog.length;
    await h.deliver("orders/paid", order);
    await h.settle();
    expect(factWrites(order.customer.id)).toEqual([]);
    expect(h.sandbox.requestLog.slice(before).some((entry) => entry.operationId === "getMemberById")).toBe(false);
  });

  it("after a purchase, the linked customer holds the member id, points and level, tagged with its level", async () => {
    await h.app.db.shop.update({
      where: { shop: TEST_SHOP },
      data: { loyaltyFactsOnCustomers: true, levelTags: true },
    });
    const order = await linkedOrder();
    customerTags.set(`gid://shopify/Customer/${order.customer.id}`, ["vip", "diller-level-bronze"]);
    await h.deliver("orders/paid", order);
    await h.settle();

    const kari = h.member(DEMO_MEMBERS.kari);
    const writes = factWrites(order.customer.id);
    expect(writes).toHaveLength(1);
    const metafields = writes[0]?.variables.metafields as Array<{ key: string; value: string; namespace: string }>;
    expect(Object.fromEntries(metafields.map((field) => [field.key, field.value]))).toEqual({
      member_id: DEMO_MEMBERS.kari,
      points: String(kari.points),
      level: expect.any(String),
    });
    expect(metafields.every((field) => field.namespace === "$app")).toBe(true);
    const level = metafields.find((field) => field.key === "level")?.value ?? "";
    expect(writes[0]?.variables).toMatchObject({ addTags: [levelTag(level)], removeTags: ["diller-level-bronze"] });
  });
});

describe("levelTag", () => {
  it.each([
    ["Gold", "diller-level-gold"],
    ["Sølv medlem", "diller-level-solv-medlem"],
    ["  VIP+  ", "diller-level-vip"],
    ["★", "diller-level-level"],
  ])("%s → %s", (level, tag) => {
    expect(levelTag(level)).toBe(tag);
  });
});
