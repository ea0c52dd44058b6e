import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import { TEST_SHOP } from "../../../tests/shopify";

import { action, loader } from "./route";

let harness: AdminHarness;

beforeAll(async () => {
  harness = await startAdminHarness();
});
afterAll(async () => {
  await harness.stop();
});
beforeEach(async () => {
  await harness.reset();
  await harness.app.db.customerLink.deleteMany({});
});

describe("member lookup", () => {
  it("finds a member by email: points, level, consents, coupons, stamp cards and the Shopify link", async () => {
    // GIVEN Kari is linked to a Shopify customer of this shop (and Ola to one of another shop)
    await harness.connectShop();
    await harness.app.db.customerLink.createMany({
      data: [
        {
          shop: TEST_SHOP,
          customerId: "7001",
          memberId: DEMO_MEMBERS.kari,
          state: "LINKED",
          linkedBy: "email",
          membershipConsent: true,
          marketingConsent: true,
        },
        {
          shop: "other.myshopify.com",
          customerId: "9001",
          memberId: DEMO_MEMBERS.kari,
          state: "LINKED",
          linkedBy: "phone",
        },
      ],
    });

    const result = await harness.act(action, "/app/members", { query: "  Kari.Nordmann@example.com " });

    expect(result.status).toBe(200);
    if (!result.data || !("members" in result.data)) throw new Error(JSON.stringify(result.data));
    expect(result.data.members).toHaveLength(1);
    const [kari] = result.data.members;
    expect(kari).toMatchObject({
      id: DEMO_MEMBERS.kari,
      email: "kari.nordmann@example.com",
      points: 1200,
      level: "Silver",
      nextLevel: "Gold",
      pointsToNextLevel: 3800,
      consents: { membership: true, orderHistory: true, sms: true, email: true },
      links: [
        { customerId: "7001", state: "LINKED", linkedBy: "email", membershipConsent: true, marketingConsent: true },
      ],
      partialProblem: null,
    });
    expect(kari?.coupons.length).toBeGreaterThan(0);
    expect(kari?.stampCards).toContainEqual({ title: "Coffee card", collected: 4, required: 10 });
  });

  it.each(["+47 400 00 002", "004740000002", "+47-4000-0002"])("finds a member by phone: %s", async (query) => {
    await harness.connectShop();
    const result = await harness.act(action, "/app/members", { query });
    expect(result.data).toMatchObject({
      members: [{ id: DEMO_MEMBERS.ola, level: "Gold", consents: { orderHistory: false }, links: [] }],
    });
  });

  it("says so when nobody matches", async () => {
    await harness.connectShop();
    const result = await harness.act(action, "/app/members", { query: "nobody@example.com" });
    expect(result.data).toEqual({ members: [] });
  });

  it.each(["", "40000001", "kari@", "not an email or phone"])(
    "refuses %j with a message next to the field",
    async (query) => {
      await harness.connectShop();
      const result = await harness.act(action, "/app/members", { query });
      expect(result.status).toBe(422);
      expect(result.data).toEqual({ errors: { query: { key: "members.errors.query" } } });
    },
  );

  it("shows what it could read when the member's coupons cannot be read", async () => {
    await harness.connectShop();
    harness.sandbox.faults.enqueue("getMemberCoupons", { kind: "status", status: 500 });
    const result = await harness.act(action, "/app/members", { query: "+4740000001" });
    expect(result.data).toMatchObject({
      members: [{ points: 1200, coupons: [], partialProblem: { message: { key: "errors.diller.server" } } }],
    });
  });

  it("explains a Diller failure of the search itself", async () => {
    await harness.connectShop();
    harness.sandbox.faults.enqueue("getMemberByFilter", { kind: "status", status: 503, retryAfterSeconds: 120 });
    const result = await harness.act(action, "/app/members", { query: "+4740000001" });
    expect(result.status).toBe(502);
    expect(result.data).toMatchObject({ problem: { message: { key: "errors.diller.server" } } });
  });

  it("has nothing to load but still requires the session and onboarding", async () => {
    expect((await harness.load(loader, "/app/members")).location).toMatch(/^\/app\/onboarding/);
    await harness.connectShop();
    expect((await harness.load(loader, "/app/members")).data).toBeNull();
  });
});
