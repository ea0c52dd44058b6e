/**
 * The storefront extension routes' latency: bench/checkout.bench.ts (checkout routes) and
 * bench/account.bench.ts (customer-account route), each over the Diller sandbox with the run's
 * injected latency, run as child processes; their "p50 … ms p99 … ms (÷ Diller …)" lines are
 * reported as printed.
 */
import { spawnSync } from "node:child_process";

export interface RouteFigures {
  checkout: string;
  account: string;
}

function run(script: string, args: string[]): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = result.stdout
    .split("\n")
    .filter((line) => /p50\s+[\d.]+ ms\s+p99\s+[\d.]+ ms/.test(line))
    .map((line) => line.replace(/\s+/g, " ").trim());
  // A bench that stops partway must not look complete: its error is reported after what it measured.
  const error =
    result.status === 0
      ? ""
      : `; then failed: ${
          result.stderr
            .trim()
            .split("\n")
            .find((line) => /Error/.test(line)) ?? `exit ${result.status}`
        }`;
  if (lines.length === 0) return `failed (${script}${error || ": no output"})`;
  return lines.join("; ") + error;
}

export function storefrontRoutes({ latencyMs, requests }: { latencyMs: number; requests: number }): RouteFigures {
  const latency = ["--latency", String(latencyMs)];
  return {
    checkout: run("bench/checkout.bench.ts", [...latency, "--requests", String(requests)]),
    account: run("bench/account.bench.ts", [...latency, "--runs", String(requests)]),
  };
}
