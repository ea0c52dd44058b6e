import { beforeEach, describe, expect, it } from "vitest";

import { describeStatement, getDatabase, observeDirectSql, type Database } from "~/db.server";

import { queuePolicies, type JobName } from "./definitions";
import { createLocalJobStore } from "./local-job-store.server";

const db = getDatabase();
const policyOf = (name: JobName) => queuePolicies[name];

/** The database, with the claim's UPDATE failing on the calls `fails` picks (as a busy SQLite file does). */
function withFailingClaims(fails: (call: number) => boolean): Database {
  let calls = 0;
  const failing = new Proxy(db, {});
  observeDirectSql(db, failing, (sql) => {
    if (describeStatement(sql) !== "LocalJob UPDATE") return;
    calls++;
    if (fails(calls)) throw new Error("Operation has timed out");
  });
  return failing;
}

async function queueOrders(count: number) {
  const store = createLocalJobStore(db, () => new Date(), policyOf);
  for (let index = 0; index < count; index++) {
    await store.insert("order-sync", `order-sync:claim.myshopify.com:${index}`, {
      shop: "claim.myshopify.com",
      orderId: String(index),
    });
  }
}

const states = async () =>
  (await db.localJob.findMany({ where: { shop: "claim.myshopify.com" }, orderBy: { key: "asc" } })).map(
    (job) => job.state,
  );

beforeEach(async () => {
  await db.localJob.deleteMany({ where: { shop: "claim.myshopify.com" } });
});

describe("local job store: claim", () => {
  it("GIVEN a write fails after one job was locked WHEN claiming THEN the locked job is handed out, the rest wait", async () => {
    await queueOrders(3);
    const store = createLocalJobStore(
      withFailingClaims((call) => call === 2),
      () => new Date(),
      policyOf,
    );
    const claimed = await store.claim(3);
    expect(claimed).toHaveLength(1);
    expect((await states()).sort()).toEqual(["ACTIVE", "QUEUED", "QUEUED"]);
    // The next claim takes the two that waited.
    const healthy = createLocalJobStore(db, () => new Date(), policyOf);
    expect(await healthy.claim(3)).toHaveLength(2);
  });

  it("GIVEN every write fails WHEN claiming THEN the claim fails and nothing is left locked", async () => {
    await queueOrders(2);
    const store = createLocalJobStore(
      withFailingClaims(() => true),
      () => new Date(),
      policyOf,
    );
    await expect(store.claim(2)).rejects.toThrow("Operation has timed out");
    expect(await states()).toEqual(["QUEUED", "QUEUED"]);
  });
});
