import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { listFailedWork } from "./failed-work.server";
import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import type { JobQueue, QueuedJobSummary } from "~/jobs/queue";
import { TEST_SHOP } from "../../../tests/shopify";

import { action, loader } from "./route";

let harness: AdminHarness;
const OTHER_SHOP = "other.myshopify.com";

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

const failedLink = (shop: string, customerId: string) => ({
  shop,
  customerId,
  state: "FAILED" as const,
  reason: "Could not sync the customer with Diller",
  lastError: "DillerServerError: Diller updateMember failed with HTTP 500",
});

async function queuedKeys(name: "customer-sync" | "customer-facts" | "reconcile") {
  const jobs = await harness.app.jobQueue.list(name, { states: ["queued"], limit: 1000 });
  return jobs.map((job) => job.key).filter((key) => key?.startsWith(TEST_SHOP));
}

describe("failed customer syncs on the dashboard", () => {
  it("lists this shop's failed customers with the reason, and retries one from the dashboard", async () => {
    await harness.connectShop();
    const { db } = harness.app;
    await db.customerLink.createMany({ data: [failedLink(TEST_SHOP, "101"), failedLink(OTHER_SHOP, "202")] });

    const page = await harness.load(loader, "/app");
    expect(page.data?.failedWork.customers).toEqual([
      expect.objectContaining({
        customerId: "101",
        reason: "Could not sync the customer with Diller",
        lastError: expect.stringContaining("HTTP 500"),
      }),
    ]);

    const result = await harness.act(action, "/app", { intent: "retry-customer", customerId: "101" });
    expect(result.data).toEqual({ intent: "retry-customer", retried: 1 });
    expect(await queuedKeys("customer-sync")).toContain(`${TEST_SHOP}:101`);
    const link = await db.customerLink.findUniqueOrThrow({
      where: { shop_customerId: { shop: TEST_SHOP, customerId: "101" } },
    });
    expect(link.state).toBe("PENDING");
  });

  it("refuses to retry another shop's customer or one that has not failed", async () => {
    await harness.connectShop();
    await harness.app.db.customerLink.createMany({ data: [failedLink(OTHER_SHOP, "202")] });
    const result = await harness.act(action, "/app", { intent: "retry-customer", customerId: "202" });
    expect(result.status).toBe(422);
    const queued = await harness.app.jobQueue.list("customer-sync", { states: ["queued"], limit: 1000 });
    expect(queued.some((job) => job.key?.endsWith(":202"))).toBe(false);
  });

  it("runs a dead-lettered job again", async () => {
    await harness.connectShop();
    const result = await harness.act(action, "/app", { intent: "retry-job", name: "customer-facts", subject: "303" });
    expect(result.data).toEqual({ intent: "retry-job", retried: 1 });
    expect(await queuedKeys("customer-facts")).toContain(`${TEST_SHOP}:303`);
  });
});

describe("listFailedWork", () => {
  const job = (fields: Partial<QueuedJobSummary> & Pick<QueuedJobSummary, "key" | "state">): QueuedJobSummary => ({
    id: `${fields.key}-${fields.state}-${String(fields.createdAt?.getTime() ?? 0)}`,
    name: "customer-sync",
    attempts: 10,
    lastError: "Error: boom",
    createdAt: new Date("2026-12-01T10:00:00Z"),
    ...fields,
  });
  const queueWith = (jobs: Record<string, QueuedJobSummary[]>): JobQueue => ({
    engine: "local",
    send: async () => true,
    start: async () => {},
    stop: async () => {},
    cancelShopJobs: async () => 0,
    list: async (name) => jobs[name] ?? [],
  });

  it("shows this shop's dead jobs that no later run replaced", async () => {
    const later = new Date("2026-12-01T11:00:00Z");
    const queue = queueWith({
      "customer-sync": [
        job({ key: `${TEST_SHOP}:1`, state: "failed" }),
        job({ key: `${TEST_SHOP}:2`, state: "failed" }),
        job({ key: `${TEST_SHOP}:2`, state: "completed", createdAt: later }),
        job({ key: `${OTHER_SHOP}:3`, state: "failed" }),
      ],
      reconcile: [job({ key: TEST_SHOP, state: "failed", name: "reconcile" })],
    });
    const work = await listFailedWork({ db: harness.app.db, queue }, TEST_SHOP);
    expect(work.jobs.map((dead) => [dead.name, dead.subject])).toEqual([
      ["customer-sync", "1"],
      ["reconcile", ""],
    ]);
    expect(work.jobs[0]).toMatchObject({ attempts: 10, lastError: "Error: boom" });
  });
});
