/**
 * Latency of the checkout extension routes over the Diller sandbox, in one process on SQLite: each
 * request is signed like a checkout session token and goes through the real request layer (token
 * verification, CORS, zod bodies) and the checkout service. Shopify's discount API is an in-memory
 * stand-in (offline), so the figures exclude the Admin API round-trip of a first mint. The sandbox
 * adds `--latency` ms to every answer (150 by default, as `npm run bench` does); prints p50/p99 and
 * their ratio over that latency; asserts nothing. NODE_ENV is `development`: the production egress
 * policy allows only Diller's hosts, so the loopback sandbox would be refused (503 from the member route).
 *
 *   npx tsx bench/checkout.bench.ts [--requests 200] [--latency 150]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { prismaEnv } from "../scripts/db-tools";
import { discountStandIn, sessionToken } from "../scripts/demo/checkout-story";

const { values: options } = parseArgs({
  options: { requests: { type: "string", default: "200" }, latency: { type: "string", default: "150" } },
});
const REQUESTS = Number(options.requests);
const LATENCY_MS = Number(options.latency);
const SHOP = "bench-shop.myshopify.com";
const SECRET = randomBytes(16).toString("hex");
const dir = mkdtempSync(join(tmpdir(), "diller-bench-checkout-"));
const databaseUrl = `file:${join(dir, "bench.sqlite")}`;
const migrated = spawnSync("npx", ["prisma", "migrate", "deploy"], { env: prismaEnv(databaseUrl), encoding: "utf8" });
if (migrated.status !== 0) throw new Error(migrated.stderr);
Object.assign(process.env, {
  NODE_ENV: "development",
  JOB_WORKER: "off",
  SHOPIFY_API_KEY: "bench",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://bench.example.com",
  SCOPES: "write_discounts",
  DATABASE_URL: databaseUrl,
  APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  LOG_LEVEL: "error",
});

const { DEMO_MEMBERS, startDillerSandbox } = await import("@diller/diller-sandbox");
const app = await import("../app/shopify.server");
const { createCheckoutService } = await import("../app/checkout/checkout.server");
const { silentLogger } = await import("../app/logger.server");

const sandbox = await startDillerSandbox({
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  faults: { latencyMs: LATENCY_MS },
});
await app.db.shop.create({
  data: {
    shop: SHOP,
    integrationEnabled: true,
    dillerEnvironment: "custom",
    dillerBaseUrl: sandbox.baseUrl,
    dillerStoreId: sandbox.credentials.storeId,
    dillerApiKey: app.secrets.seal(sandbox.credentials.apiKey),
    dillerDepartmentId: "webshop",
    connectedAt: new Date(),
  },
});
for (let customer = 1; customer <= REQUESTS + 1; customer++)
  await app.db.customerLink.create({
    data: { shop: SHOP, customerId: String(customer), memberId: DEMO_MEMBERS.kari, state: "LINKED" },
  });

const checkout = createCheckoutService({
  db: app.db,
  dillerFor: app.dillerClientFor,
  storeReads: app.storeReads,
  discounts: discountStandIn(),
  queue: { send: async () => true },
  logger: silentLogger,
});
const route = {
  config: app.storefront.checkout.loader((context) => checkout.config(context)),
  member: app.storefront.checkout.loader((context) => checkout.member(context)),
  apply: app.storefront.checkout.action((context) => checkout.applyCoupon(context)),
  validate: app.storefront.checkout.action((context) => checkout.validateCoupons(context)),
};

function request(path: string, customer: number, body?: object) {
  const token = sessionToken({ shop: SHOP, apiKey: "bench", apiSecret: SECRET }, `gid://shopify/Customer/${customer}`);
  return new Request(`https://bench.example.com${path}`, {
    method: body ? "POST" : "GET",
    headers: {
      Authorization: `Bearer ${token}`,
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function measure(name: string, send: (index: number) => Promise<Response>) {
  const times: number[] = [];
  for (let index = 0; index < REQUESTS; index++) {
    const started = performance.now();
    const response = await send(index);
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  const ratio = (ms: number) => (LATENCY_MS > 0 ? (ms / LATENCY_MS).toFixed(2) : "n/a");
  console.log(
    `${name.padEnd(44)} p50 ${at(0.5).toFixed(1).padStart(6)} ms   p99 ${at(0.99).toFixed(1).padStart(6)} ms   ` +
      `(÷ Diller ${ratio(at(0.5))} / ${ratio(at(0.99))})`,
  );
}

const args = (req: Request) => ({ request: req, params: {}, context: {} });
console.log(
  `checkout routes over the Diller sandbox (${LATENCY_MS} ms per answer), ${REQUESTS} sequential requests each (SQLite)\n`,
);
await measure("GET  config (store cached)", () => route.config(args(request("/api/checkout/config", 1))));
await measure("GET  member + coupons (30 s cache)", () => route.member(args(request("/api/checkout/member", 1))));
await measure("POST coupons/apply, first mint per customer", (index) =>
  route.apply(args(request("/api/checkout/coupons/apply", index + 2, { couponId: "2" }))),
);
await measure("POST coupons/apply, reusing the minted code", () =>
  route.apply(args(request("/api/checkout/coupons/apply", 2, { couponId: "2" }))),
);
const code = (await app.db.checkoutCouponCode.findFirstOrThrow({ where: { shop: SHOP, customerId: "2" } })).code;
await measure("POST coupons/validate (one minted code)", () =>
  route.validate(args(request("/api/checkout/coupons/validate", 2, { codes: [code, "MERCHANT10"] }))),
);

await sandbox.stop();
await app.db.$disconnect();
rmSync(dir, { recursive: true, force: true });
