/**
 * Load generation over real HTTP: signed Shopify deliveries, a fixed number of requests in flight,
 * and latency percentiles. Used by `npm run bench` and `npm run chaos`.
 */
import { createHmac, randomUUID } from "node:crypto";

export interface Delivery {
  path: string;
  topic: string;
  shop: string;
  body: string;
  eventId?: string;
  webhookId?: string;
}

export function signedHeaders(delivery: Delivery, secret: string): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(delivery.body).digest("base64"),
    "X-Shopify-Topic": delivery.topic,
    "X-Shopify-Shop-Domain": delivery.shop,
    "X-Shopify-API-Version": "2026-07",
    "X-Shopify-Webhook-Id": delivery.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": delivery.eventId ?? randomUUID(),
    "X-Shopify-Triggered-At": new Date().toISOString(),
  };
}

export interface Timed {
  status: number;
  ms: number;
}

/** Sends every request with at most `inFlight` outstanding; status 0 means no answer (network error or timeout). */
export async function runWithConcurrency(
  count: number,
  inFlight: number,
  send: (index: number) => Promise<Response>,
  timeoutMs = 30_000,
): Promise<{ results: Timed[]; seconds: number }> {
  const results: Timed[] = new Array(count);
  let next = 0;
  const started = performance.now();
  async function lane() {
    for (;;) {
      const index = next++;
      if (index >= count) return;
      const begin = performance.now();
      let status = 0;
      try {
        const response = await Promise.race([
          send(index),
          new Promise<never>((_, fail) => setTimeout(() => fail(new Error("timeout")), timeoutMs).unref()),
        ]);
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 0;
      }
      results[index] = { status, ms: performance.now() - begin };
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
  return { results, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function waitUntil<T>(
  check: () => Promise<T> | T,
  what: string,
  timeoutMs: number,
): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
