/**
 * `npm run demo`: the whole product, offline, on the embedded default (SQLite). It builds the app,
 * starts the Diller sandbox and the production server, connects a demo shop to the sandbox, then
 * plays a day of a shop's life as signed Shopify webhooks over HTTP (scripts/demo/webhook-story.ts:
 * paid orders, a Diller coupon, a partial return, a cancellation, duplicates and out-of-order
 * deliveries) and the checkout story (scripts/demo/checkout-story.ts: a coupon applied through
 * signed session tokens, a guest who joins on the thank-you page), then prints what reached Diller.
 * `--keep` leaves the server and sandbox running.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";

import { createDatabase } from "../app/db.server";
import { createSecretBox } from "../app/security/encryption.server";
import { DEMO_MEMBERS, startDillerSandbox } from "@diller/diller-sandbox";
import { playAccountStory } from "./demo/account-story";
import { playCheckoutStory } from "./demo/checkout-story";
import { createDemoShopify, playWebhookStory, type DemoScenario } from "./demo/webhook-story";

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

const demoShopify = createDemoShopify({ port, shop, apiSecret });
const { webhook, order } = demoShopify;

const scenarios: DemoScenario[] = [];
const pointsBefore = sandbox.state.stores[0]?.members.find((member) => member.id === DEMO_MEMBERS.kari)?.points;

step("Playing webhooks");
scenarios.push(...(await playWebhookStory(demoShopify)));

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
