/**
 * Operator CLI: `npm run cli -- <command> [options]`. Runs against DATABASE_URL with the app's own
 * composition root (so it needs the same environment as the server), without starting the worker.
 *
 *   connect  --shop S --store-id ID --api-key KEY [--environment production|prerelease|custom] [--base-url URL] [--department ID] [--enable]
 *   status   --shop S [--state FAILED] [--limit 20]
 *   retry    --shop S (--order ID ... | --all-failed)
 *   reconcile --shop S [--since ISO-DATE]
 *   enable | disable --shop S
 *   jobs     [--queue order-sync] [--state failed]
 *   rotate-keys
 */
process.env.JOB_WORKER = "off";

const { runCli } = await import("../app/cli/commands.server");
const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
const { shutdown } = await import("../app/lifecycle.server");
const { disconnectDatabase } = await import("../app/db.server");
await shutdown();
await disconnectDatabase();
process.exit(code);

export {};
