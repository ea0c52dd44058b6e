/**
 * GET /api/account/loyalty as the account service answers it over the local Diller sandbox, on a
 * migrated SQLite database: a linked member with 200 orders of history. Prints p50/p99 for a cold
 * page (every cache empty: store settings, member, coupons, stamp cards read from Diller) and a warm
 * one (within the member cache's 30 s), and for a non-member's join form. Session-token
 * verification is not included (Shopify's library, microseconds). The sandbox adds `--latency` ms
 * to every answer (150 by default, as `npm run bench` does); p50/p99 are also printed as a ratio
 * over that latency.
 *
 *   npx tsx bench/account.bench.ts [--runs 200] [--latency 150]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { createAccountService } from "../app/account/service.server";
import { createDatabase } from "../app/db.server";
import { createDillerClient } from "../app/diller/client.server";
import { silentLogger } from "../app/logger.server";
import { createDillerStoreReads } from "../app/shops/diller-store-reads.server";
import type { StorefrontContext } from "../app/storefront/handler.server";
import { DEMO_MEMBERS, startDillerSandbox } from "@diller/diller-sandbox";
import { prismaEnv } from "../scripts/db-tools";

const { values: options } = parseArgs({
  options: { runs: { type: "string", default: "200" }, latency: { type: "string", default: "150" } },
});
const RUNS = Number(options.runs);
const LATENCY_MS = Number(options.latency);
const ratio = (ms: number) => (LATENCY_MS > 0 ? (ms / LATENCY_MS).toFixed(2) : "n/a");
const SHOP = "bench-shop.myshopify.com";

function context(customerId: string): StorefrontContext {
  return {
    shop: SHOP,
    customerId,
    customerGid: `gid://shopify/Customer/${customerId}`,
    request: new Request("https://app.example/api/account/loyalty"),
    requireCustomer: () => customerId,
    body: () => Promise.reject(new Error("no body")),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function measure(name: string, run: () => Promise<unknown>) {
  for (let warmup = 0; warmup < 5; warmup++) await run();
  const times: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const [p50, p99] = [percentile(times, 0.5), percentile(times, 0.99)];
  console.log(
    `${name.padEnd(52)} p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms   ` +
      `(÷ Diller ${ratio(p50)} / ${ratio(p99)}, ${RUNS} runs)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "diller-account-bench-"));
const url = `file:${join(dir, "bench.sqlite")}`;
const sandbox = await startDillerSandbox({
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  faults: { latencyMs: LATENCY_MS },
});
try {
  const migrated = spawnSync("prisma", ["migrate", "deploy"], { env: prismaEnv(url), encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`migration failed:\n${migrated.stdout}\n${migrated.stderr}`);
  const db = createDatabase(url);
  const shop = await db.shop.create({
    data: {
      shop: SHOP,
      integrationEnabled: true,
      dillerEnvironment: "custom",
      dillerBaseUrl: sandbox.baseUrl,
      dillerStoreId: sandbox.credentials.storeId,
      dillerApiKey: "unused: the bench builds its client directly",
      connectedAt: new Date(),
    },
  });
  const diller = createDillerClient({ baseUrl: sandbox.baseUrl, ...sandbox.credentials, logger: silentLogger });
  await db.customerLink.create({
    data: { shop: SHOP, customerId: "1", memberId: DEMO_MEMBERS.kari, state: "LINKED", linkedBy: "email" },
  });
  await db.customerLink.create({
    data: { shop: SHOP, customerId: "2", state: "NO_MEMBER", customerJson: JSON.stringify({ id: 2, addresses: [] }) },
  });
  for (let index = 0; index < 200; index++) {
    const orderId = String(9_000_000 + index);
    await db.orderSync.create({
      data: { shop: SHOP, orderId, orderName: `#${index}`, customerId: "1", state: "SENT" },
    });
    await db.syncActivity.create({
      data: {
        shop: SHOP,
        kind: "TRANSACTION_SENT",
        orderId,
        amount: "100.00",
        points: 100,
        at: new Date(Date.now() - index * 3_600_000),
      },
    });
  }
  const storeReads = createDillerStoreReads({ dillerFor: () => diller });
  const account = createAccountService({
    db,
    dillerFor: () => diller,
    storeReads,
    shopify: { storeCustomerConsent: async () => {}, clearCustomerLoyalty: async () => {} },
    logger: silentLogger,
  });
  if (shop.shop !== SHOP) throw new Error("shop not created");
  const member = context("1");
  const outsider = context("2");
  console.log(`GET /api/account/loyalty over the Diller sandbox (${LATENCY_MS} ms per answer), SQLite`);
  await measure("member, cold (all caches empty)", async () => {
    storeReads.clear();
    account.clearMemberCache();
    await account.loyalty(member);
  });
  await measure("member, warm (store and member cached)", () => account.loyalty(member));
  await measure("non-member join form, warm store cache", () => account.loyalty(outsider));
  await db.$disconnect();
} finally {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
}
