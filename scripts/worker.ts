/**
 * A dedicated background worker: `npm run worker`. With PostgreSQL, run any number of these beside
 * web processes started with JOB_WORKER=off; pg-boss shares the work safely. Stops gracefully on
 * SIGTERM/SIGINT (running jobs finish; anything interrupted is retried by another worker).
 */
process.env.JOB_WORKER = "off";

const { startWorker, logger } = await import("../app/shopify.server");
const { shutdown } = await import("../app/lifecycle.server");
const { disconnectDatabase } = await import("../app/db.server");

await startWorker();
logger.info("worker running", { pid: process.pid });

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info("worker stopping", { signal });
    void shutdown()
      .then(disconnectDatabase)
      .finally(() => process.exit(0));
  });
}

export {};
