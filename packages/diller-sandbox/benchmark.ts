/**
 * Rough throughput of the sandbox itself (so client benchmarks know what it adds):
 * `npx tsx packages/diller-sandbox/benchmark.ts [requests] [concurrency]`. Prints requests/s and latency
 * percentiles for a read (getMemberById) and a write (createTransaction), both fully validated.
 */
import { performance } from "node:perf_hooks";

import { DEMO_MEMBERS, startDillerSandbox } from "./index";

const silent = { info() {}, warn() {}, error() {} };

async function run(): Promise<void> {
  const total = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 16);
  const sandbox = await startDillerSandbox({ logger: silent });
  try {
    const { storeId, apiKey } = sandbox.credentials;
    const tokenResponse = await fetch(`${sandbox.baseUrl}/connect/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${storeId}:${apiKey}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials&scope=api.retailer",
    });
    const token: unknown = Reflect.get(Object(await tokenResponse.json()), "access_token");
    const headers = { Authorization: `Bearer ${String(token)}`, "Content-Type": "application/json" };
    const member = `${sandbox.baseUrl}/api/v2.0/stores/${storeId}/members/${DEMO_MEMBERS.kari}`;

    await measure("getMemberById", total, concurrency, async () => {
      const response = await fetch(member, { headers });
      await response.arrayBuffer();
      return response.status === 200;
    });
    let sequence = 0;
    await measure("createTransaction", total, concurrency, async () => {
      sequence += 1;
      const response = await fetch(`${member}/transactions`, {
        method: "POST",
        headers,
        body: JSON.stringify({ external_id: `BENCH-${sequence}`, total: 100, currency: "NOK" }),
      });
      await response.arrayBuffer();
      return response.status === 200;
    });
    process.stdout.write(`contract violations: ${sandbox.contractViolations.length}\n`);
  } finally {
    await sandbox.stop();
  }
}

async function measure(name: string, total: number, concurrency: number, call: () => Promise<boolean>): Promise<void> {
  const latencies: number[] = [];
  let failures = 0;
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued += 1;
        const begin = performance.now();
        if (!(await call())) failures += 1;
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(2);
  process.stdout.write(
    `${name}: ${total} requests, concurrency ${concurrency}: ${(total / seconds).toFixed(0)} req/s, ` +
      `p50 ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms, p99 ${percentile(0.99)} ms, failures ${failures}\n`,
  );
}

run().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
