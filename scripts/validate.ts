/**
 * `npm run validate`: every quality gate, in the order a failure is cheapest to find. Stops at the
 * first failing step and prints how long each took. CI runs it (see .ci/run).
 */
import { spawnSync } from "node:child_process";

const steps: [name: string, command: string, args: string[]][] = [
  ["lint", "npm", ["run", "lint"]],
  ["folders depend one way (layers, no cycles)", "npm", ["run", "check:layers"]],
  ["source file sizes", "npm", ["run", "check:sizes"]],
  ["format", "npm", ["run", "format:check"]],
  ["graphql codegen", "npm", ["run", "graphql:codegen"]],
  ["Diller contract types up to date", "npm", ["run", "diller:types:check"]],
  ["typecheck", "npm", ["run", "typecheck"]],
  ["database schemas and migrations", "npm", ["run", "db:check"]],
  ["native modules under the pinned Node", "npm", ["run", "check:native"]],
  ["tests", "npm", ["test"]],
  ["browser check (needs Chromium: CHROMIUM_PATH or /usr/bin/chromium)", "npm", ["run", "test:browser"]],
  ["production build", "npm", ["run", "build"]],
  ["shopify app build", "npm", ["run", "extensions:build"]],
  ["extension bundle sizes", "npm", ["run", "extensions:size"]],
];

const env = { ...process.env, CI: "1", SHOPIFY_CLI_NO_ANALYTICS: "1" };
const timings: string[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  timings.push(`${result.status === 0 ? "ok  " : "FAIL"} ${name} (${seconds}s)`);
  if (result.status !== 0) {
    console.error(`\n${timings.join("\n")}\n\nvalidate failed at: ${name}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${timings.join("\n")}\n\nvalidate passed`);
