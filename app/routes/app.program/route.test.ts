import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";

import { loader } from "./route";

let harness: AdminHarness;

beforeAll(async () => {
  harness = await startAdminHarness();
});
afterAll(async () => {
  await harness.stop();
});
beforeEach(async () => {
  await harness.reset();
});

const apiCalls = () => harness.sandbox.requestLog.filter((entry) => entry.path.startsWith("/api/")).length;

describe("loyalty program view", () => {
  it("shows segments of all five types with options, levels, coupons and stamp cards from Diller", async () => {
    await harness.connectShop();
    const page = await harness.load(loader, "/app/program");
    const program = page.data.program;
    if (!program) throw new Error(`no program: ${JSON.stringify(page.data.problem)}`);

    expect(new Set(program.segments.map((segment) => segment.type))).toEqual(
      new Set(["Text", "DateTime", "Radio", "Checkbox", "Dropdown"]),
    );
    expect(program.segments).toContainEqual(
      expect.objectContaining({
        question: "Preferred store",
        type: "Radio",
        required: true,
        options: ["Oslo", "Bergen", "Online"],
      }),
    );
    expect(program.segments.find((segment) => segment.type === "Checkbox")?.options).toHaveLength(4);
    expect(program.segments.some((segment) => !segment.visibleToMembers)).toBe(true);

    expect(program.levels.map((level) => [level.name, level.points])).toEqual([
      ["Bronze", 0],
      ["Silver", 1000],
      ["Gold", 5000],
    ]);

    const coupon = (code: string) => program.coupons.find((entry) => entry.code === code);
    expect(coupon("WELCOME10")).toMatchObject({
      status: "active",
      type: "Welcome",
      discountType: "Percentage",
      discountValue: 10,
    });
    expect(coupon("FREESHIP")).toMatchObject({ status: "active", discountType: "FreeShipping" });
    expect(coupon("EXPIRED20")).toMatchObject({ status: "expired" });
    expect(coupon("INACTIVE30")).toMatchObject({ status: "inactive" });
    expect(coupon("UPCOMING25")).toMatchObject({ status: "scheduled" });
    expect(coupon("GOLD20")).toMatchObject({ requiredPoints: 5000, membershipLevelId: 3 });
    // Active ones first.
    const statuses = program.coupons.map((entry) => entry.status);
    expect(statuses.indexOf("active")).toBe(0);
    expect(statuses.lastIndexOf("active")).toBeLessThan(statuses.indexOf("expired"));

    expect(program.stampCards.map((card) => [card.title, card.status])).toEqual(
      expect.arrayContaining([
        ["Coffee card", "active"],
        ["Spend 500", "active"],
        ["Winter card (ended)", "expired"],
        ["Paused card", "inactive"],
      ]),
    );
    expect(program.store).toMatchObject({ currency: "NOK", pointsPerCurrencyUnit: 1, signupPoints: 50 });
    expect(page.data.readAt).toEqual(expect.any(String));
  });

  it("reads Diller once a minute at most, unless the merchant asks for fresh data", async () => {
    await harness.connectShop();
    const start = apiCalls();
    await harness.load(loader, "/app/program");
    const perLoad = apiCalls() - start;
    expect(perLoad).toBe(7);

    await harness.load(loader, "/app/program");
    expect(apiCalls() - start).toBe(perLoad);

    await harness.load(loader, "/app/program?refresh=1");
    expect(apiCalls() - start).toBe(perLoad * 2);
  });

  it("does not serve one connection's cached program after the connection changed", async () => {
    await harness.connectShop();
    await harness.load(loader, "/app/program");
    const before = apiCalls();
    await harness.connectShop({ connectedAt: new Date(Date.now() + 1000) });
    await harness.load(loader, "/app/program");
    expect(apiCalls()).toBeGreaterThan(before);
  });

  it("explains what to do when Diller fails, and caches nothing", async () => {
    await harness.connectShop();
    harness.sandbox.faults.enqueue("getSegments", { kind: "status", status: 500 });
    const failed = await harness.load(loader, "/app/program");
    expect(failed.data).toMatchObject({
      program: null,
      problem: { message: { key: "errors.diller.server" }, reference: expect.any(String) },
    });
    const retried = await harness.load(loader, "/app/program");
    expect(retried.data.program?.segments.length).toBeGreaterThan(0);
  });

  it("explains revoked credentials", async () => {
    await harness.connectShop({ dillerApiKey: harness.app.secrets.seal("revoked") });
    const page = await harness.load(loader, "/app/program");
    expect(page.data.problem).toMatchObject({ message: { key: "errors.diller.auth" } });
  });
});
