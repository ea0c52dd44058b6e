/**
 * CLI: `npm run diller:sandbox`. Reads DILLER_SANDBOX_* (see README.md), starts the sandbox,
 * prints where it is and how to authenticate, and stops cleanly (writing the state file) on Ctrl-C.
 */
import { parseSandboxEnv } from "./env";
import { startDillerSandbox } from "./index";

async function main(): Promise<void> {
  const parsed = parseSandboxEnv(process.env);
  if (!parsed.ok) {
    process.stderr.write(`Diller sandbox: invalid environment\n${parsed.messages.map((m) => `  - ${m}`).join("\n")}\n`);
    process.exitCode = 2;
    return;
  }
  const { env } = parsed;
  const sandbox = await startDillerSandbox({
    port: env.DILLER_SANDBOX_PORT,
    host: env.DILLER_SANDBOX_HOST,
    seed: env.DILLER_SANDBOX_SEED,
    stateFile: env.DILLER_SANDBOX_STATE_FILE,
    tokenLifetimeSeconds: env.DILLER_SANDBOX_TOKEN_LIFETIME,
    faults: {
      ...(env.DILLER_SANDBOX_LATENCY_MS !== undefined && { latencyMs: env.DILLER_SANDBOX_LATENCY_MS }),
      ...(env.DILLER_SANDBOX_ERROR_RATE !== undefined && { errorRate: env.DILLER_SANDBOX_ERROR_RATE }),
      ...(env.DILLER_SANDBOX_RATE_LIMIT_RATE !== undefined && { rateLimitRate: env.DILLER_SANDBOX_RATE_LIMIT_RATE }),
      ...(env.DILLER_SANDBOX_STALL_RATE !== undefined && { stallRate: env.DILLER_SANDBOX_STALL_RATE }),
    },
  });
  const { baseUrl, credentials } = sandbox;
  process.stdout.write(
    [
      "",
      `Diller sandbox (Retailer API v2.0) at ${baseUrl}`,
      `  token endpoint   ${baseUrl}/connect/token   (discovery: ${baseUrl}/.well-known/openid-configuration)`,
      `  API base         ${baseUrl}/api/v2.0/stores/${credentials.storeId}`,
      `  store id         ${credentials.storeId}   (OAuth client id)`,
      `  API key          ${credentials.apiKey}   (OAuth client secret; a public sandbox value)`,
      `  state            ${env.DILLER_SANDBOX_STATE_FILE ?? `in memory (seed ${env.DILLER_SANDBOX_SEED})`}`,
      `  admin            ${baseUrl}/_sandbox/health, /_sandbox/state, /_sandbox/otps, /_sandbox/faults`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received, stopping the Diller sandbox…\n`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Diller sandbox: failed to stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Diller sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
