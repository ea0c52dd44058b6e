/**
 * The embedded admin in a real browser (Debian's Chromium through playwright-core): a production
 * build on 127.0.0.1, a seeded shop with a valid session, the Diller sandbox. The merchant opens
 * the app as Shopify would (shop, host, id_token, locale), completes onboarding against the
 * sandbox and sees the dashboard with data. App Bridge is replaced by a shim (cdn.shopify.com is
 * unreachable); every other host is blocked. Screenshots go to test-results/browser/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { getJwt } from "@shopify/shopify-api/test-helpers";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { getDatabase, type Prisma } from "~/db.server";
import { offlineSession, TEST_APP, TEST_SHOP } from "../shopify";

import { APP_BRIDGE_SHIM } from "./app-bridge-shim";
import { startAppServer, type AppServer } from "./app-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SCREENSHOTS = "test-results/browser";
const SHOP_HANDLE = TEST_SHOP.replace(".myshopify.com", "");
const HOST_PARAM = Buffer.from(`admin.shopify.com/store/${SHOP_HANDLE}`).toString("base64");

let sandbox: RunningSandbox;
let server: AppServer | undefined;
let context: BrowserContext | undefined;
let userDataDir: string | undefined;
const appResponses: string[] = [];

/** Orders and activity of the last two weeks, as the sync engine records them. */
async function seedSyncData() {
  const db = getDatabase();
  const now = Date.now();
  const hour = 60 * 60 * 1000;
  const states: Prisma.OrderSyncCreateManyInput["state"][] = [
    ...Array<"SENT">(30).fill("SENT"),
    "FAILED",
    "FAILED",
    "FAILED",
    "PENDING",
    "SKIPPED",
    "CANCELLED",
  ];
  await db.orderSync.createMany({
    data: states.map((state, index) => ({
      shop: TEST_SHOP,
      orderId: String(6_100_000 + index),
      orderName: `#${1001 + index}`,
      state,
      attempts: state === "FAILED" ? 10 : 1,
      lastError: state === "FAILED" ? "DillerServerError: Diller createTransaction failed with HTTP 500" : null,
      reason: state === "SKIPPED" ? "No Diller member for this customer" : null,
      externalId: state === "SENT" || state === "CANCELLED" ? `shopify-${6_100_000 + index}` : null,
      updatedAt: new Date(now - index * 9 * hour),
    })),
  });
  await db.syncActivity.createMany({
    data: states.flatMap((state, index): Prisma.SyncActivityCreateManyInput[] => {
      const at = new Date(now - index * 9 * hour);
      const orderId = String(6_100_000 + index);
      if (state === "SENT")
        return [{ shop: TEST_SHOP, kind: "TRANSACTION_SENT", orderId, points: 100 + index * 17, at }];
      if (state === "CANCELLED")
        return [
          { shop: TEST_SHOP, kind: "TRANSACTION_SENT", orderId, points: 250, at },
          { shop: TEST_SHOP, kind: "TRANSACTION_CANCELLED", orderId, at },
        ];
      if (state === "FAILED") return [{ shop: TEST_SHOP, kind: "SYNC_FAILED", orderId, at }];
      return [];
    }),
  });
}

function appUrl(path: string, locale = "en"): string {
  const url = new URL(path, server?.url);
  url.search = new URLSearchParams({ embedded: "1", shop: TEST_SHOP, host: HOST_PARAM, locale }).toString();
  return url.toString();
}

/** What Shopify's admin puts in the iframe URL, including a fresh session token. */
async function embeddedUrl(path: string, locale = "en"): Promise<string> {
  const { token } = await getJwt(SHOP_HANDLE, TEST_APP.apiKey, TEST_APP.apiSecretKey);
  return `${appUrl(path, locale)}&id_token=${token}`;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser test needs it. Install it with ` +
        "`sudo apt-get update && sudo apt-get install -y chromium` (Debian), or set CHROMIUM_PATH.",
    );
  }
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });

  const db = getDatabase();
  const { sessionStorage } = await import("~/shopify.server");
  await sessionStorage.storeSession(offlineSession());
  // Installed (afterAuth ran: the metafield definitions exist), not connected to Diller yet.
  await db.shop.create({ data: { shop: TEST_SHOP, extensionSetupAt: new Date(), timezone: "Europe/Oslo" } });
  await seedSyncData();

  server = await startAppServer({
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecretKey,
    SCOPES: process.env.SCOPES ?? "",
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    APP_ENCRYPTION_KEY: process.env.APP_ENCRYPTION_KEY ?? "",
    // The production build talks to the sandbox on loopback only because the operator allows it.
    DILLER_ALLOWED_HOSTS: new URL(sandbox.baseUrl).hostname,
    JOB_WORKER: "off",
    LOG_LEVEL: "debug",
  });
  const origin = new URL(server.url).origin;

  userDataDir = mkdtempSync(join(tmpdir(), "diller-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: "America/New_York",
    // Shopify's library answers self-identified bots (such as "HeadlessChrome") with 410.
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
  });
  await context.exposeBinding("__dillerIdToken", async () => {
    const { token } = await getJwt(SHOP_HANDLE, TEST_APP.apiKey, TEST_APP.apiSecretKey);
    return token;
  });
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    if (url.hostname === "cdn.shopify.com" && url.pathname.endsWith("/app-bridge.js"))
      return route.fulfill({ status: 200, contentType: "text/javascript", body: APP_BRIDGE_SHIM });
    if (url.hostname === "cdn.shopify.com" && url.pathname.endsWith(".css"))
      return route.fulfill({ status: 200, contentType: "text/css", body: "" });
    return route.abort("blockedbyclient");
  });
  context.on("response", (response) => {
    if (!response.url().startsWith(origin)) return;
    const type = response.headers()["content-type"] ?? "";
    if (type.includes("json") || type.includes("html")) {
      response
        .text()
        .then((text) => appResponses.push(text))
        .catch(() => {});
    }
  });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
  await sandbox?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("the embedded admin in Chromium", () => {
  it("onboards against the Diller sandbox and shows the dashboard with data", async () => {
    if (!context || !server) throw new Error("setup failed");
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    try {
      await walkThrough(page, server, pageErrors);
    } catch (error) {
      // Leave what is needed to understand a failure in CI: the page as it was and the server's log.
      await screenshot(page, "failure").catch(() => {});
      const tail = server.output().split("\n").slice(-60).join("\n");
      throw new Error(
        `${String(error)}\n\npage errors: ${pageErrors.join("; ")}\n\nserver output (last lines):\n${tail}`,
        {
          cause: error,
        },
      );
    }
  }, 90_000);
});

async function walkThrough(page: Page, server: AppServer, pageErrors: string[]) {
  // GIVEN a freshly installed shop: opening the app leads to the onboarding
  await page.goto(await embeddedUrl("/app"));
  await page.waitForURL(/\/app\/onboarding/);
  await expect.poll(() => page.getByRole("heading", { name: "Connect Diller" }).isVisible()).toBe(true);
  await page.waitForFunction(() => Boolean(window.shopify));
  await screenshot(page, "01-onboarding");

  // WHEN the merchant enters the sandbox's address and a wrong key, and tests
  await page.getByLabel("Diller environment").selectOption("custom");
  await page.getByLabel("Diller API address").fill(sandbox.baseUrl);
  await page.getByLabel("Store id").fill(sandbox.credentials.storeId);
  await page.getByLabel("API key").fill("not-the-right-key");
  await page.getByRole("button", { name: "Test connection" }).click();
  // THEN the test explains the problem and what to do
  await page.getByText("Diller did not accept this store id and API key").waitFor();
  await screenshot(page, "02-wrong-key");

  // WHEN the right key is entered
  await page.getByLabel("API key").fill(sandbox.credentials.apiKey);
  await page.getByRole("button", { name: "Test connection" }).click();
  await page.getByText(/The connection works/).waitFor();
  await screenshot(page, "03-connection-works");

  // AND saved: the department step lists Diller's departments
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.getByText("Step 2 of 2: choose a department").waitFor();
  await page.getByLabel("Department", { exact: true }).selectOption("webshop");
  await screenshot(page, "04-department");
  await page.getByRole("button", { name: "Finish" }).click();

  // THEN the dashboard shows the seeded figures, the chart and the order table
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  await page.getByText("#1001", { exact: true }).waitFor();
  await page.locator('[data-testid="transactions-chart"] svg').first().waitFor();
  await page.locator('[data-testid="points-chart"] svg').first().waitFor();
  const summary = await page.getByText("Transactions sent").first().locator("xpath=..").textContent();
  expect(summary).toContain("31");
  await expect.poll(() => page.getByRole("button", { name: "Retry all failed (3)" }).isVisible()).toBe(true);
  await screenshot(page, "05-dashboard");

  const shop = await getDatabase().shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
  expect(shop).toMatchObject({
    dillerDepartmentId: "webshop",
    integrationEnabled: true,
    onboardedAt: expect.any(Date),
  });

  // WHEN the merchant filters to the failed orders and retries one
  await page.getByRole("tab", { name: /Failed/ }).click();
  await page.waitForURL(/state=FAILED/);
  await page.getByRole("button", { name: "Retry", exact: true }).first().click();
  await page.getByText("Queued again: 1").waitFor();
  await screenshot(page, "06-retry");

  // AND looks at the loyalty program, a member and the settings (client-side navigation)
  await page.getByRole("link", { name: "Loyalty program" }).click();
  await page.getByRole("heading", { name: "Membership levels" }).waitFor();
  await page.getByText("Coffee card").waitFor();
  await screenshot(page, "07-loyalty-program");

  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Email or phone").fill("kari.nordmann@example.com");
  await page.getByRole("button", { name: "Look up" }).click();
  await page.getByText("1,200", { exact: true }).waitFor();
  await page.getByText("Silver", { exact: true }).waitFor();
  await screenshot(page, "08-member");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "Settings" }).waitFor();
  await page.getByLabel("Discount code prefix").fill("bad prefix!");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByText("Use 2–12 letters, digits, dashes or underscores").waitFor();
  await screenshot(page, "09-settings-field-error");

  await page.getByRole("link", { name: "Send older orders" }).click();
  await page.getByText("No orders have been sent this way yet.").waitFor();
  await screenshot(page, "10-send-older-orders");

  // AND opens the admin in Norwegian
  await page.goto(await embeddedUrl("/app", "nb"));
  await page.getByRole("heading", { name: "Oversikt" }).waitFor();
  await page.getByText("Transaksjoner sendt").first().waitFor();
  await screenshot(page, "11-dashboard-nb");

  expect(pageErrors).toEqual([]);
  // The API key never reached the browser or the server's logs.
  expect(appResponses.length).toBeGreaterThan(5);
  for (const body of appResponses) expect(body).not.toContain(sandbox.credentials.apiKey);
  expect(server.output()).toContain('"msg":"diller connection saved"');
  expect(server.output()).not.toContain(sandbox.credentials.apiKey);
  // Session tokens travel in the query string of embedded requests; the access log leaves it out.
  expect(server.output()).toMatch(/GET \/app /);
  expect(server.output()).not.toContain("id_token");
}
