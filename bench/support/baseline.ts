/** Drives bench/baseline/inline-server.ts (Diller called inside the request) with the app's load. */
import { spawn } from "node:child_process";

import { startDillerSandbox } from "@diller/diller-sandbox";
import { runWithConcurrency, signedHeaders } from "./http";
import { paidOrder } from "./orders";
import { freePort } from "./processes";
import { summarize } from "./pipeline";

const SECRET = "baseline-secret";

export async function runBaseline(settings: { latencyMs: number; inFlight: number; orders: number }) {
  const sandbox = await startDillerSandbox({
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    faults: { latencyMs: settings.latencyMs },
  });
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/baseline/inline-server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      BASELINE_SECRET: SECRET,
      BASELINE_DILLER_URL: sandbox.baseUrl,
      BASELINE_STORE_ID: sandbox.credentials.storeId,
      BASELINE_API_KEY: sandbox.credentials.apiKey,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((ready, fail) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("baseline-ready") && ready());
      child.once("exit", (code) => fail(new Error(`baseline server exited with ${code}`)));
    });
    const orders = Array.from({ length: settings.orders }, (_, index) => paidOrder(9_000_000_000 + index));
    const burst = await runWithConcurrency(orders.length, settings.inFlight, (index) => {
      const body = JSON.stringify(orders[index]);
      const headers = signedHeaders({ path: "/", topic: "orders/paid", shop: "baseline.myshopify.com", body }, SECRET);
      return fetch(`http://127.0.0.1:${port}/webhooks/orders/paid`, { method: "POST", body, headers });
    });
    return summarize(burst.results, burst.seconds);
  } finally {
    child.kill("SIGTERM");
    await sandbox.stop();
  }
}
