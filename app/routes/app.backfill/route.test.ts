import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import { installFakeAdminApi, type FakeAdminApi } from "../../../tests/shopify-admin-fake";
import { TEST_SHOP } from "../../../tests/shopify";

import { action, loader } from "./route";

let harness: AdminHarness;
let adminApi: FakeAdminApi;

beforeAll(async () => {
  harness = await startAdminHarness();
  adminApi = installFakeAdminApi({ DillerOrdersCount: () => ({ ordersCount: { count: 42, precision: "EXACT" } }) });
});
afterAll(async () => {
  adminApi.uninstall();
  await harness.stop();
});
beforeEach(async () => {
  await harness.reset();
  await harness.app.db.backfill.deleteMany({});
  await harness.app.db.localJob.deleteMany({});
  adminApi.calls.length = 0;
});

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe("backfill", () => {
  it("starts a run: counts the orders, records the run and queues its first page", async () => {
    await harness.connectShop();
    const since = daysAgo(14);

    const result = await harness.act(action, "/app/backfill", { intent: "start", since });

    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      intent: "start",
      run: { state: "RUNNING", total: 42, examined: 0, percent: 0, resumable: false },
    });
    expect(adminApi.calls).toEqual([
      expect.objectContaining({
        operation: "DillerOrdersCount",
        variables: { query: expect.stringContaining(`created_at:>='${since}`) },
      }),
    ]);
    expect(adminApi.invalid).toEqual([]);
    const jobs = await harness.app.jobQueue.list("backfill", { states: ["queued"] });
    expect(jobs).toHaveLength(1);

    // The page shows the run and its progress.
    await harness.app.db.backfill.updateMany({ where: { shop: TEST_SHOP }, data: { examined: 21, enqueued: 19 } });
    const page = await harness.load(loader, "/app/backfill");
    expect(page.data.latest).toMatchObject({ state: "RUNNING", examined: 21, enqueued: 19, total: 42, percent: 50 });
    expect(page.data.blocker).toBeNull();
  });

  it("refuses a second run while one is going", async () => {
    await harness.connectShop();
    await harness.act(action, "/app/backfill", { intent: "start", since: daysAgo(5) });
    const again = await harness.act(action, "/app/backfill", { intent: "start", since: daysAgo(5) });
    expect(again.status).toBe(422);
    expect(again.data).toMatchObject({ errors: { form: { key: "backfill.errors.running" } } });
  });

  it.each([
    { since: "", reason: "empty" },
    { since: "2026-02-30", reason: "not a date" },
    { since: "1999-01-01", reason: "too far back" },
    { since: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10), reason: "in the future" },
  ])("refuses a date that is $reason", async ({ since }) => {
    await harness.connectShop();
    const result = await harness.act(action, "/app/backfill", { intent: "start", since });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ errors: { since: { key: "backfill.errors.date" } } });
    expect(await harness.app.db.backfill.count()).toBe(0);
  });

  it("says why it cannot send while the integration is off", async () => {
    await harness.connectShop({ integrationEnabled: false });
    const page = await harness.load(loader, "/app/backfill");
    expect(page.data.blocker).toEqual({ key: "blocker.disabled" });
    const result = await harness.act(action, "/app/backfill", { intent: "start", since: daysAgo(3) });
    expect(result.data).toMatchObject({ errors: { form: { key: "blocker.disabled" } } });
  });

  it("resumes a failed run from its cursor", async () => {
    await harness.connectShop();
    const failed = await harness.app.db.backfill.create({
      data: {
        shop: TEST_SHOP,
        since: new Date(),
        state: "FAILED",
        total: 100,
        examined: 50,
        cursor: "page-2",
        error: "Shopify was down",
        finishedAt: new Date(),
      },
    });
    expect((await harness.load(loader, "/app/backfill")).data.latest).toMatchObject({ resumable: true, percent: 50 });

    const result = await harness.act(action, "/app/backfill", { intent: "resume", backfillId: failed.id });

    expect(result.data).toMatchObject({ intent: "resume", run: { state: "RUNNING", examined: 50, error: null } });
    expect(await harness.app.db.backfill.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      state: "RUNNING",
      cursor: "page-2",
      finishedAt: null,
    });
    expect(await harness.app.jobQueue.list("backfill", { states: ["queued"] })).toHaveLength(1);
  });

  it("does not resume another shop's run or a completed one", async () => {
    await harness.connectShop();
    const foreign = await harness.app.db.backfill.create({
      data: { shop: "other.myshopify.com", since: new Date(), state: "FAILED" },
    });
    const done = await harness.app.db.backfill.create({
      data: { shop: TEST_SHOP, since: new Date(), state: "COMPLETED" },
    });
    for (const run of [foreign, done]) {
      const result = await harness.act(action, "/app/backfill", { intent: "resume", backfillId: run.id });
      expect(result.data).toMatchObject({ errors: { form: { key: "backfill.errors.notResumable" } } });
    }
    expect(await harness.app.db.backfill.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({
      state: "FAILED",
    });
  });
});
