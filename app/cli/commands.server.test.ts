import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { getDatabase } from "~/db.server";
import { secrets, sessionStorage } from "~/shopify.server";

import { runCli } from "./commands.server";

const shop = "cli-shop.myshopify.com";
let sandbox: RunningSandbox;
const db = getDatabase();

beforeAll(async () => {
  sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
});
afterAll(async () => {
  await sandbox.stop();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run cli", () => {
  it("refuses to connect with a wrong API key and says why", async () => {
    const result = await cli(
      "connect",
      "--shop",
      shop,
      "--base-url",
      sandbox.baseUrl,
      "--store-id",
      sandbox.credentials.storeId,
      "--api-key",
      "wrong-key-0123456789abcdef0123456789",
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Not connected \(wrong-credentials\)/);
    expect(await db.shop.findUnique({ where: { shop } })).toBeNull();
  });

  it("checks the connection input with the admin's schema and explains it in English", async () => {
    const result = await cli("connect", "--shop", shop, "--environment", "custom", "--store-id", "bad id");
    expect(result.code).toBe(2);
    expect(result.err).toContain("storeId: A store id has only letters, digits and dashes.");
    expect(result.err).toContain("customBaseUrl: Enter the full address of the Diller API, starting with https://.");
    const withoutKey = await cli("connect", "--shop", shop, "--store-id", sandbox.credentials.storeId);
    expect(withoutKey).toMatchObject({ code: 2, err: "apiKey: Enter the Diller API key." });
    expect(await db.shop.findUnique({ where: { shop } })).toBeNull();
  });

  it("connects a shop after a successful connection test, with the key encrypted", async () => {
    const result = await cli(
      "connect",
      "--shop",
      shop,
      "--base-url",
      sandbox.baseUrl,
      "--store-id",
      sandbox.credentials.storeId,
      "--api-key",
      sandbox.credentials.apiKey,
      "--department",
      "webshop",
      "--enable",
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain("and enabled the integration");
    const row = await db.shop.findUniqueOrThrow({ where: { shop } });
    expect(row).toMatchObject({
      dillerEnvironment: "custom",
      dillerBaseUrl: sandbox.baseUrl,
      dillerDepartmentId: "webshop",
      integrationEnabled: true,
    });
    expect(row.dillerApiKey).not.toContain(sandbox.credentials.apiKey);
    expect(secrets.open(row.dillerApiKey ?? "")).toBe(sandbox.credentials.apiKey);
  });

  it("switches the integration off and on", async () => {
    expect((await cli("disable", "--shop", shop)).code).toBe(0);
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).integrationEnabled).toBe(false);
    expect((await cli("enable", "--shop", shop)).code).toBe(0);
    expect((await db.shop.findUniqueOrThrow({ where: { shop } })).integrationEnabled).toBe(true);
  });

  it("shows status and queues failed orders again", async () => {
    await db.orderSync.createMany({
      data: [
        { shop, orderId: "1", orderName: "#1", state: "FAILED", reason: "Diller answered 500", attempts: 10 },
        {
          shop,
          orderId: "2",
          orderName: "#2",
          state: "SENT",
          externalId: "shopify-cli-shop-2",
          totalSent: "10.00",
          currency: "NOK",
        },
      ],
    });
    const status = await cli("status", "--shop", shop);
    expect(status.out).toMatch(/FAILED\s+1/);
    expect(status.out).toMatch(/SENT\s+1/);
    expect(status.out).toContain("#1  FAILED  attempts 10");

    const retry = await cli("retry", "--shop", shop, "--all-failed");
    expect(retry.out).toBe("1 order(s) queued again");
    expect(await db.orderSync.findUnique({ where: { shop_orderId: { shop, orderId: "1" } } })).toMatchObject({
      state: "PENDING",
      attempts: 0,
    });
    const jobs = await cli("jobs", "--queue", "order-sync", "--state", "queued");
    expect(jobs.out).toContain(`${shop}:1`);
  });

  it("re-encrypts stored keys after a key rotation only when needed", async () => {
    expect((await cli("rotate-keys")).out.split("\n")[0]).toBe(
      "re-encrypted 0 of 1 API key(s) with the current APP_ENCRYPTION_KEY",
    );
  });

  it("seals Shopify session tokens stored in plaintext on rotate-keys", async () => {
    await db.session.create({ data: { id: "offline_legacy", shop, state: "", accessToken: "shpat_plain" } });
    expect((await cli("rotate-keys")).out).toMatch(/re-encrypted 1 of \d+ Shopify session\(s\)/);
    const row = await db.session.findUniqueOrThrow({ where: { id: "offline_legacy" } });
    expect(row.accessToken).not.toContain("shpat_plain");
    expect((await sessionStorage?.loadSession("offline_legacy"))?.accessToken).toBe("shpat_plain");
    expect((await cli("rotate-keys")).out).toMatch(/re-encrypted 0 of \d+ Shopify session\(s\)/);
  });

  it.each([
    [["status"], /--shop/],
    [["status", "--shop", "not a shop"], /must be a \*\.myshopify\.com domain/],
    [["retry", "--shop", shop], /retry needs --order ID or --all-failed/],
    [["status", "--colour"], /Unknown option '--colour'/],
    [["frobnicate"], /^usage: npm run cli/],
  ] as [string[], RegExp][])("rejects %j with a message", async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });
});
