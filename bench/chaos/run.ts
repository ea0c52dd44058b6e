/**
 * `npm run chaos`: orders through the real pipeline on PostgreSQL under Diller faults, worker kills,
 * duplicated and shuffled deliveries; then a bad-input pass over every public route. Checks the
 * outcome, prints it, writes docs/reliability.md and exits non-zero when anything is wrong.
 *
 *   npm run chaos                              # 1,000 orders, 5 kills, 3 worker processes
 *   npm run chaos -- --orders 200 --kills 1    # the reduced size CI runs
 */
import { parseArgs } from "node:util";

import { createBenchDatabase, postgresReachable, POSTGRES_SERVER_URL } from "../support/databases";
import { appEnvironment, ensureBuild, startAppServer } from "../support/processes";
import { writeFormattedDoc } from "../support/write-doc";

import { renderReliability } from "./report";

const { values: options } = parseArgs({
  options: {
    orders: { type: "string", default: "1000" },
    kills: { type: "string", default: "5" },
    workers: { type: "string", default: "3" },
    seed: { type: "string", default: "13" },
    timeout: { type: "string", default: "900" },
    "no-write": { type: "boolean", default: false },
  },
});
const settings = {
  orders: Number(options.orders),
  kills: Number(options.kills),
  workers: Number(options.workers),
  seed: Number(options.seed),
  timeoutSeconds: Number(options.timeout),
};

ensureBuild();
if (!(await postgresReachable())) {
  console.error(
    `npm run chaos needs PostgreSQL (pg-boss, several worker processes): cannot reach ${POSTGRES_SERVER_URL}`,
  );
  process.exit(2);
}
const database = await createBenchDatabase("postgresql", "chaos");
// A crash anywhere (e.g. a worker that never boots) still drops the run's database.
process.once("unhandledRejection", (error) => {
  console.error(error);
  void database.drop().finally(() => process.exit(1));
});
let failed = true;
try {
  // The app's test configuration (Shopify's test app credentials), on the chaos database.
  await import("../../tests/setup/env");
  Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: "error" });
  const app = await import("../../app/shopify.server");
  const { runChaosPipeline } = await import("./pipeline");
  const { badInputPass } = await import("./bad-input");
  const { TEST_SHOP } = await import("../../tests/shopify");

  console.log(`chaos: ${settings.orders} orders, ${settings.workers} worker processes, ${settings.kills} SIGKILLs …`);
  const pipeline = await runChaosPipeline(app, settings);
  console.log(
    `  ${pipeline.deliveries} deliveries, all sent in ${(pipeline.finishedAfter / 1000).toFixed(1)} s, ${pipeline.killed} kills, ` +
      `${pipeline.faultedRequests} of ${pipeline.dillerRequests} Diller requests faulted; problems: ${pipeline.checks.problems.length}`,
  );

  console.log("bad-input pass over the public routes …");
  const snapshot = async () => ({
    orders: await app.db.orderSync.groupBy({ by: ["state"], where: { shop: TEST_SHOP }, _count: true }),
    links: await app.db.customerLink.count(),
    shops: await app.db.shop.findMany({ orderBy: { shop: "asc" } }),
    received: await app.db.webhookEvent.count({ where: { status: { in: ["RECEIVED", "PROCESSED"] } } }),
  });
  const before = JSON.stringify(await snapshot());
  // The same encryption key as the pipeline that sealed the shop's Diller key, so the extension routes
  // reach their own checks instead of failing to open the connection.
  const server = await startAppServer(
    appEnvironment(database.url, { JOB_WORKER: "off", APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? "" }),
  );
  const probes = await (async () => {
    try {
      return await badInputPass(server.baseUrl, TEST_SHOP, "bench-client-id");
    } finally {
      await server.stop();
    }
  })();
  const unchanged = JSON.stringify(await snapshot()) === before;
  const wrongAnswers = probes.filter((probe) => !probe.ok);
  for (const probe of probes)
    console.log(
      `  ${probe.ok ? "ok  " : "FAIL"} ${probe.route} ${probe.case}: ${probe.status} (expected ${probe.expected.join("/")})${probe.note ? `, ${probe.note}` : ""}`,
    );

  failed = pipeline.checks.problems.length > 0 || !pipeline.settled || wrongAnswers.length > 0 || !unchanged;
  const report = renderReliability({ settings, pipeline, probes, unchanged, failed });
  console.log(`\n${report.summary}`);
  if (!options["no-write"]) {
    await writeFormattedDoc("docs/reliability.md", report.markdown);
    console.log("wrote docs/reliability.md");
  }
  await app.db.$disconnect();
} finally {
  await database.drop();
}
process.exit(failed ? 1 : 0);
