/**
 * BASELINE FOR COMPARISON ONLY — not part of the app. A webhook endpoint built the way some existing
 * loyalty integrations are: it verifies the HMAC, then calls Diller inside the request (token, member
 * search, transaction) and answers Shopify only after Diller has answered. `npm run bench` drives it
 * with the same load as the app to show what waiting for Diller does to acknowledgement latency and to
 * Shopify's 5-second limit. Started by bench/run.ts with BASELINE_* variables; prints "baseline-ready".
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";

const secret = process.env.BASELINE_SECRET ?? "";
const dillerBase = process.env.BASELINE_DILLER_URL ?? "";
const storeId = process.env.BASELINE_STORE_ID ?? "";
const apiKey = process.env.BASELINE_API_KEY ?? "";

let token: { value: string; expiresAt: number } | undefined;

async function accessToken(): Promise<string> {
  if (token && token.expiresAt > Date.now()) return token.value;
  const response = await fetch(`${dillerBase}/connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      scope: "api.retailer",
      client_id: storeId,
      client_secret: apiKey,
    }),
  });
  if (!response.ok) throw new Error(`token ${response.status}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in - 60) * 1000 };
  return token.value;
}

async function diller(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${dillerBase}/api/v2.0/stores/${storeId}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${await accessToken()}`, "Content-Type": "application/json" },
  });
  if (!response.ok) throw new Error(`Diller ${response.status} on ${path}`);
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

const server = createServer((request, response) => {
  void (async () => {
    const body = await readBody(request);
    const expected = createHmac("sha256", secret).update(body).digest();
    const given = Buffer.from(String(request.headers["x-shopify-hmac-sha256"] ?? ""), "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      response.writeHead(401).end();
      return;
    }
    const order = JSON.parse(body.toString("utf8")) as { id: number; email: string; total_price: string };
    try {
      const members = (await diller(`/members/search?email=${encodeURIComponent(order.email)}`)) as { id: string }[];
      const member = members[0];
      if (member) {
        await diller(`/members/${member.id}/transactions`, {
          method: "POST",
          body: JSON.stringify({
            external_id: `baseline-${order.id}`,
            total: Number(order.total_price),
            department_id: "webshop",
          }),
        });
      }
      response.writeHead(200).end();
    } catch {
      // The usual outcome in such integrations: Shopify sees a 500 and retries the whole delivery.
      response.writeHead(500).end();
    }
  })();
});
server.keepAliveTimeout = 10_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log("baseline-ready"));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close(() => process.exit(0)));
