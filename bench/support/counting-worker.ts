/**
 * `npm run worker`'s script with every database operation counted: Prisma's (model.operation, raw
 * queries too) and the direct statements (`Table VERB`, run on the same connection as without counting).
 * SIGUSR2 prints the counts so far as one line, `counts {…}`. pg-boss's own statements (PostgreSQL
 * queue) go through its pg pool, not Prisma, and are not counted.
 */
import { createDatabase, describeStatement, observeDirectSql, type Database } from "../../app/db.server";

const counts: Record<string, number> = {};
const url = process.env.DATABASE_URL ?? "";
const base = createDatabase(url);
const counted = base.$extends({
  query: {
    async $allOperations({ model, operation, args, query }) {
      const name = `${model ?? "raw"}.${operation}`;
      counts[name] = (counts[name] ?? 0) + 1;
      return query(args);
    },
  },
});
observeDirectSql(base, counted, (sql) => {
  const name = describeStatement(sql);
  counts[name] = (counts[name] ?? 0) + 1;
});
// The process-wide client slot of app/db.server.ts: the app then runs on the counting client.
globalThis.__dillerDatabase = counted as unknown as Database;
process.on("SIGUSR2", () => console.log(`counts ${JSON.stringify(counts)}`));

await import("../../scripts/worker");
// LOG_LEVEL=warn hides the worker's own "worker running".
console.log("counting worker ready");
