/**
 * A sync worker in its own process, for the crash and multi-worker tests: the app's composition
 * root and job handlers with a short job expiry (so a killed worker's job is picked up again within
 * seconds) and the fake Admin API (the Diller side is the sandbox named in the Shop row).
 * Prints "worker-ready" once it takes jobs; stops gracefully on SIGTERM.
 */
process.env.JOB_WORKER = "off";

const { installFakeAdminApi } = await import("../shopify-admin-fake");
const app = await import("~/shopify.server");
const { createJobQueue } = await import("~/jobs/create-queue.server");
const { jobNames } = await import("~/jobs/definitions");
const { createSyncEngine } = await import("~/sync/engine.server");
const { getEnv } = await import("~/env.server");
const { testPolicies } = await import("./processes");
const { shutdown } = await import("~/lifecycle.server");
const { createCallSlots, jobsForCallSlots } = await import("~/diller/call-slots.server");

installFakeAdminApi({
  DillerProductInfo: () => ({ nodes: [] }),
  DillerOrderConsent: () => ({ order: { metafield: null } }),
});

const expireSeconds = Number(process.env.TEST_JOB_EXPIRE_SECONDS ?? 3);
const queue = createJobQueue({
  databaseUrl: getEnv().DATABASE_URL,
  db: app.db,
  logger: app.logger,
  pollIntervalMs: 100,
  supervisionIntervalSeconds: 1,
  policies: testPolicies(jobNames, expireSeconds),
});
// As the app's worker: the concurrency bounds the Diller calls in flight, and a quarter more jobs run.
const concurrency = Number(process.env.TEST_JOB_CONCURRENCY ?? 2);
const callSlots = createCallSlots(concurrency);
const engine = createSyncEngine({
  db: app.db,
  queue,
  admin: app.adminGateway,
  dillerFor: (shop) => app.dillerClientFor(shop, { callSlots }),
  storeReads: app.storeReads,
  loyaltyFacts: app.loyaltyFacts,
  logger: app.logger,
});
await engine.start({ concurrency: jobsForCallSlots(concurrency) });
console.log("worker-ready");

process.on("SIGTERM", () => {
  void engine
    .stop()
    .then(shutdown)
    .finally(() => process.exit(0));
});

export {};
