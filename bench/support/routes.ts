/**
 * The storefront extension routes' latency: bench/checkout.bench.ts (checkout routes) and
 * bench/account.bench.ts (customer-account route), each over the Diller sandbox, run as child
 * processes; their "p50 … ms p99 … ms" lines are reported as printed.
 */
import { spawnSync } from "node:child_process";

export interface RouteFigures {
  checkout: string;
  account: string;
}

function run(script: string): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", script], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = result.stdout
    .split("\n")
    .filter((line) => /p50\s+[\d.]+ ms\s+p99\s+[\d.]+ ms/.test(line))
    .map((line) => line.replace(/\s+/g, " ").trim());
  if (lines.length === 0) return `failed (${script}: ${result.stderr.trim().split("\n").at(-1) ?? "no output"})`;
  return lines.join("; ");
}

export function storefrontRoutes(): RouteFigures {
  return { checkout: run("bench/checkout.bench.ts"), account: run("bench/account.bench.ts") };
}
