/**
 * `npm run demo`: the whole product, offline, on the embedded default (SQLite). It builds the app,
 * starts the Diller sandbox and the production server, connects a demo shop to the sandbox, then
 * plays a day of a shop's life as signed Shopify webhooks over HTTP (paid orders, a Diller coupon, a
 * partial return, a cancellation, duplicates and out-of-order deliveries) and the checkout story
 * (scripts/demo/checkout-story.ts: a coupon applied through signed session tokens, a guest who joins
 * on the thank-you page), then prints what reached Diller. `--keep` leaves the server and sandbox running.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { createDatabase } from "../app/db.server";
import { createSecretBox } from "../app/security/encryption.server";
import { DEMO_MEMBERS, startDillerSandbox } from "../sandbox/diller";
import { playAccountStory } from "./demo/account-story";
import { playCheckoutStory } from "./demo/checkout-story";

const { values: args } = parseArgs({
  options: { keep: { type: "boolean" }, port: { type: "string" }, "no-build": { type: "boolean" } },
});
const port = Number(args.port ?? 3456);
const shop = "demo-shop.myshopify.com";
const databaseFile = "prisma/demo.sqlite";
const databaseUrl = `file:./${databaseFile}`;
const apiSecret = randomBytes(24).toString("hex");
const encryptionKey = randomBytes(32);
const step = (text: string) => console.log(`\n▶ ${text}`);

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed`);
}

const started = Date.now();
if (!args["no-build"]) {
  step("Building the app (npm run build)");
  run("npm", ["run", "--silent", "build"]);
}

step("Preparing a fresh SQLite database");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
run("npx", ["tsx", "scripts/db.ts", "migrate"], { ...process.env, DATABASE_URL: databaseUrl });

step("Starting the Diller sandbox");
const sandbox = await startDillerSandbox({
  logger: { info: () => {}, warn: () => {}, error: (message) => console.error(message) },
});
// This merchant's Diller store asks no required questions at sign-up, so a checkout can enrol.
for (const store of sandbox.state.stores) for (const segment of store.segments) segment.is_required = false;
console.log(`  ${sandbox.baseUrl} (store ${sandbox.credentials.storeId})`);

step("Connecting the demo shop to Diller");
const db = createDatabase(databaseUrl);
const secrets = createSecretBox(encryptionKey);
await db.shop.create({
  data: {
    shop,
    integrationEnabled: true,
    dillerEnvironment: "custom",
    dillerBaseUrl: sandbox.baseUrl,
    dillerStoreId: sandbox.credentials.storeId,
    dillerApiKey: secrets.seal(sandbox.credentials.apiKey),
    dillerDepartmentId: "webshop",
    connectedAt: new Date(),
  },
});

step(`Starting the app server on http://localhost:${port}`);
const server: ChildProcess = spawn(process.execPath, ["server.mjs"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    SHOPIFY_API_KEY: "demo-api-key",
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: `http://localhost:${port}`,
    SCOPES:
      "read_customers,write_customers,read_orders,write_orders,read_products,read_discounts,write_discounts,read_locations",
    DATABASE_URL: databaseUrl,
    APP_ENCRYPTION_KEY: encryptionKey.toString("base64"),
    // A production build against the local sandbox: the operator allows its loopback host explicitly.
    DILLER_ALLOWED_HOSTS: new URL(sandbox.baseUrl).hostname,
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
for (let waited = 0; ; waited += 200) {
  if (waited > 30_000) throw new Error("the app server did not start");
  const up = await fetch(`http://localhost:${port}/auth/login`).then(
    (response) => response.ok,
    () => false,
  );
  if (up) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Posts a webhook the way Shopify does: raw body, HMAC with the app secret, Shopify's headers. */
async function webhook(topic: string, body: object, eventId: string = randomUUID()) {
  const raw = JSON.stringify(body);
  const response = await fetch(`http://localhost:${port}/webhooks/${topic}`, {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": createHmac("sha256", apiSecret).update(raw).digest("base64"),
      "X-Shopify-Topic": topic,
      "X-Shopify-Shop-Domain": shop,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": randomUUID(),
      "X-Shopify-Event-Id": eventId,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
  if (response.status !== 200) throw new Error(`${topic} answered ${response.status}`);
}

// A real Shopify order (fixture 06: four lines, an order-level code, an automatic discount, shipping),
// moved into the Diller store's currency.
const template = JSON.parse(
  readFileSync(
    join("tests/fixtures/shopify-webhooks", "06-orders-paid--hkd-manual-code-plus-automatic-4-lines-shipping.json"),
    "utf8",
  ).replaceAll('"HKD"', '"NOK"'),
);
let number = 1000;
function order(extra: Record<string, unknown> = {}) {
  number++;
  return {
    ...template,
    id: 5_000_000 + number,
    name: `#D${number}`,
    email: "kari.nordmann@example.com",
    customer: { id: 6_000_000 + number, email: "kari.nordmann@example.com", first_name: "Kari", last_name: "Nordmann" },
    updated_at: new Date(Date.now() + number).toISOString(),
    ...extra,
  };
}
const pending = (paid: ReturnType<typeof order>) => ({
  ...paid,
  financial_status: "pending",
  updated_at: new Date(Date.parse(paid.updated_at) - 60_000).toISOString(),
});
const money = (amount: string) => ({
  shop_money: { amount, currency_code: "NOK" },
  presentment_money: { amount, currency_code: "NOK" },
});

const scenarios: { name: string; orderName: string; expected: string }[] = [];
const pointsBefore = sandbox.state.stores[0]?.members.find((member) => member.id === DEMO_MEMBERS.kari)?.points;

step("Playing webhooks");
{
  const paid = order();
  scenarios.push({
    name: "member pays; duplicate and out-of-order deliveries",
    expected: "SENT",
    orderName: paid.name,
  });
  await webhook("orders/paid", paid, `paid-${paid.id}`);
  await webhook("orders/paid", paid, `paid-${paid.id}`);
  await webhook("orders/create", pending(paid));
}
{
  const paid = order({ discount_codes: [{ code: "WELCOME10", amount: "20.00", type: "fixed_amount" }] });
  scenarios.push({ name: "member redeems the Diller coupon WELCOME10", expected: "SENT", orderName: paid.name });
  await webhook("orders/create", pending(paid));
  await webhook("orders/paid", paid);
}
{
  const paid = order();
  scenarios.push({ name: "partial return of one item", expected: "SENT", orderName: paid.name });
  await webhook("orders/paid", paid);
  await webhook("refunds/create", {
    id: 7_000_000 + number,
    order_id: paid.id,
    created_at: new Date().toISOString(),
    refund_line_items: [
      {
        id: 1,
        line_item_id: 15514975535404,
        quantity: 1,
        restock_type: "return",
        subtotal: 94.92,
        subtotal_set: money("94.92"),
        total_tax: 0,
        total_tax_set: money("0.00"),
      },
    ],
    transactions: [{ id: 1, kind: "refund", status: "success", gateway: "manual", amount: "94.92", currency: "NOK" }],
    order_adjustments: [],
  });
}
{
  const paid = order();
  scenarios.push({ name: "paid, then cancelled and refunded", expected: "CANCELLED", orderName: paid.name });
  await webhook("orders/paid", paid);
  await webhook("orders/cancelled", {
    ...paid,
    cancelled_at: new Date().toISOString(),
    financial_status: "refunded",
    updated_at: new Date(Date.now() + 60_000).toISOString(),
  });
}
{
  const paid = order({ email: "anonymous@example.com", customer: null });
  scenarios.push({ name: "guest without consent", expected: "SKIPPED", orderName: paid.name });
  await webhook("orders/paid", paid);
}
{
  const unpaid = { ...order(), financial_status: "pending", payment_gateway_names: ["Bank transfer"] };
  scenarios.push({ name: "order awaiting a bank transfer", expected: "PENDING", orderName: unpaid.name });
  await webhook("orders/create", unpaid);
}

step("Checkout: signed session tokens call the extension routes");
await playCheckoutStory({
  baseUrl: `http://localhost:${port}`,
  shop,
  apiKey: "demo-api-key",
  apiSecret,
  db,
  secrets,
  webhook,
  order,
  scenarios,
});

step("Waiting for the sync engine");
const names = scenarios.map((scenario) => scenario.orderName);
for (let waited = 0; ; waited += 250) {
  const open = await db.webhookEvent.count({ where: { shop, status: "RECEIVED" } });
  const settled = await db.orderSync.count({
    where: {
      shop,
      orderName: { in: names },
      OR: [{ state: { not: "PENDING" } }, { reason: { startsWith: "Waiting for" } }],
    },
  });
  if (open === 0 && settled === names.length) break;
  if (waited > 60_000) throw new Error("the sync did not finish within a minute");
  await new Promise((resolve) => setTimeout(resolve, 250));
}

const records = await db.orderSync.findMany({ where: { shop, orderName: { in: names } } });
const store = sandbox.state.stores.find((candidate) => candidate.id === sandbox.credentials.storeId);
console.log(
  "\nOrder   What happened                                      State      Diller transaction                    Amount",
);
for (const scenario of scenarios) {
  const record = records.find((candidate) => candidate.orderName === scenario.orderName);
  console.log(
    [
      scenario.orderName.padEnd(7),
      scenario.name.padEnd(50),
      (record?.state ?? "-").padEnd(10),
      (record?.externalId ?? "-").padEnd(37),
      record?.totalSent ? `${record.totalSent} ${record.currency ?? ""}` : "",
    ].join(" "),
  );
  if (record?.reason) console.log(`        ${record.reason}`);
}
const unexpected = scenarios.filter(
  (scenario) => records.find((record) => record.orderName === scenario.orderName)?.state !== scenario.expected,
);
const transactions =
  store?.transactions.filter((transaction) => transaction.externalId.startsWith("shopify-demo-shop-")) ?? [];
const kari = store?.members.find((member) => member.id === DEMO_MEMBERS.kari);
const newMember = store?.members.find((member) => member.email === "ingrid.ny@example.com");
console.log(
  `\nIn Diller: ${transactions.length} transactions (${transactions.filter((transaction) => transaction.cancellation).length} cancelled), coupons redeemed: ${transactions.flatMap((transaction) => transaction.redeemedCoupons.map((coupon) => coupon.code)).join(", ") || "none"}`,
);
console.log(
  `Kari Nordmann: ${pointsBefore} → ${kari?.points} points; new member from checkout: ${newMember ? `${newMember.first_name} ${newMember.last_name} (${newMember.points} points)` : "none"}`,
);
console.log(
  `Done in ${((Date.now() - started) / 1000).toFixed(1)} s${args["no-build"] ? "" : " (including the build)"}.`,
);

const accountProblems = await playAccountStory({
  appUrl: `http://localhost:${port}`,
  shop,
  apiKey: "demo-api-key",
  apiSecret,
  sandbox,
  db,
});
for (const problem of accountProblems) console.error(`UNEXPECTED (account): ${problem}`);
if (accountProblems.length > 0) process.exitCode = 1;

if (unexpected.length > 0) {
  console.error(
    `\nUNEXPECTED: ${unexpected.map((scenario) => `${scenario.orderName} should be ${scenario.expected}`).join("; ")}`,
  );
  process.exitCode = 1;
}

if (args.keep) {
  console.log(
    `\nStill running: app http://localhost:${port}, Diller sandbox ${sandbox.baseUrl}/_sandbox/state. Ctrl-C stops both.`,
  );
  process.once("SIGINT", () => void shutdown(0));
} else {
  await shutdown(0);
}

async function shutdown(code: number) {
  server.kill("SIGTERM");
  await sandbox.stop();
  await db.$disconnect();
  process.exit(process.exitCode ?? code);
}
