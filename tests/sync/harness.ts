/**
 * End-to-end harness for the sync engine: the real composition root (Prisma, Shopify's webhook
 * authentication, the Diller client, the Admin GraphQL gateway), a Diller sandbox on loopback, the
 * fake Admin API, and a sync engine with fast retries. Webhooks are delivered signed with the test
 * app's secret, exactly as Shopify sends them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import type { Prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import type * as AppModule from "~/shopify.server";
import { jobNames } from "~/jobs/definitions";
import { createJobQueue } from "~/jobs/create-queue.server";
import type { JobQueue } from "~/jobs/queue";
import { silentLogger } from "~/logger.server";
import { createSyncEngine, type SyncEngine } from "~/sync/engine.server";
import { webhookJobOf } from "~/sync/webhook-jobs";
import { createWebhookReceiver } from "~/webhooks/receive.server";

import { sandboxConnection } from "../diller-connection";
import { installFakeAdminApi, type FakeAdminApi } from "../shopify-admin-fake";
import { offlineSession, TEST_SHOP, webhookRequest } from "../shopify";

export const SHOP_HANDLE = TEST_SHOP.replace(".myshopify.com", "");
export const KARI = { email: "kari.nordmann@example.com", phone: "+4740000001" };

const silentSandboxLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** A fixture payload from tests/fixtures/shopify-webhooks by its number, as a mutable object. */
export function fixture(number: string): Record<string, unknown> {
  const dir = "tests/fixtures/shopify-webhooks";
  const file = readFileSync(join(dir, "INDEX.md"), "utf8").match(new RegExp("`(" + number + "-[^`]+\\.json)`"))?.[1];
  if (!file) throw new Error(`no fixture ${number}`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

/**
 * Fixture 06 (a real HKD order) in the demo Diller store's currency, NOK: prices without tax, four
 * lines (399.00 before discounts), a 20.00 order-level manual code split over the lines, 5.00
 * automatic off line 1, 20.00 shipping (not sent as a line by default): the Diller total is 374.00.
 */
export function nokOrderFixture(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(fixture("06")).replaceAll('"HKD"', '"NOK"'));
}

/**
 * Paid orders of Kari (a customer of her own per order, id + 1) built on `nokOrderFixture`, with ids
 * from `nextId` and named `#<prefix><id>`; `defaults` and then each call's overrides replace fields.
 */
export function memberOrders(prefix: string, nextId: () => number, defaults: Record<string, unknown> = {}) {
  return (overrides: Record<string, unknown> = {}) => {
    const base = nokOrderFixture();
    const id = nextId();
    return {
      ...base,
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      name: `#${prefix}${id}`,
      email: KARI.email,
      customer: { ...(base.customer as object), id: id + 1, email: KARI.email },
      updated_at: "2026-11-28T10:05:00Z",
      ...defaults,
      ...overrides,
    };
  };
}

export interface HarnessOptions {
  shop?: Partial<Prisma.ShopUncheckedCreateInput>;
  maxAttempts?: number;
}

export interface SyncHarness {
  sandbox: RunningSandbox;
  app: typeof AppModule;
  adminApi: FakeAdminApi;
  engine: SyncEngine;
  queue: JobQueue;
  deliver(topic: string, body: object | string, options?: { eventId?: string; webhookId?: string }): Promise<Response>;
  /** Waits until no job is queued, running or waiting for a retry. */
  settle(timeoutMs?: number): Promise<void>;
  demoStore(): RunningSandbox["state"]["stores"][number];
  transactions(): RunningSandbox["state"]["stores"][number]["transactions"];
  member(id: string): RunningSandbox["state"]["stores"][number]["members"][number];
  orderSync(orderId: string): Promise<Awaited<ReturnType<(typeof AppModule)["db"]["orderSync"]["findUnique"]>>>;
  /** The order's `$app:diller_consent` metafield as the Admin API answers it (what checkout wrote). */
  setOrderConsent(orderId: string | number, consent: object): void;
  stop(): Promise<void>;
}

export async function startSyncHarness(options: HarnessOptions = {}): Promise<SyncHarness> {
  const sandbox = await startDillerSandbox({ logger: silentSandboxLogger });
  const app = await import("~/shopify.server");
  const { db } = app;
  const orderConsents = new Map<string, string>();
  const adminApi = installFakeAdminApi({
    DillerProductInfo: () => ({ nodes: [] }),
    DillerOrderConsent: (variables) => {
      const value = orderConsents.get(String(variables.id));
      return { order: { metafield: value ? { value } : null } };
    },
    DillerCustomerConsent: () => ({ customer: { metafield: null } }),
    DillerStoreCustomerConsent: () => ({ metafieldsSet: { userErrors: [] }, tagsAdd: { userErrors: [] } }),
    DillerEmailMarketingConsent: () => ({ customerEmailMarketingConsentUpdate: { userErrors: [] } }),
    DillerOrdersCount: () => ({ ordersCount: { count: 0, precision: "EXACT" } }),
    DillerReconcileOrders: () => ({ orders: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] } }),
  });
  await app.sessionStorage.storeSession(offlineSession());
  const connection = { ...sandboxConnection(sandbox, app.secrets), ...options.shop };
  await db.shop.upsert({ where: { shop: TEST_SHOP }, create: { shop: TEST_SHOP, ...connection }, update: connection });

  const fast = { retryDelaySeconds: 1, maxDelaySeconds: 1, maxAttempts: options.maxAttempts ?? 4 };
  const queue = createJobQueue({
    databaseUrl: getEnv().DATABASE_URL,
    db,
    logger: silentLogger,
    pollIntervalMs: 100,
    policies: Object.fromEntries(jobNames.map((name) => [name, fast])),
  });
  const engine = createSyncEngine({
    db,
    queue,
    admin: app.adminGateway,
    dillerFor: app.dillerClientFor,
    storeReads: app.storeReads,
    loyaltyFacts: app.loyaltyFacts,
    logger: silentLogger,
  });
  const receive = createWebhookReceiver({
    ...app.webhookVerification,
    db,
    logger: silentLogger,
    dispatch: engine.dispatch,
  });
  await engine.start({ concurrency: 2 });

  const demoStore = () => {
    const store = sandbox.state.stores.find((candidate) => candidate.id === sandbox.credentials.storeId);
    if (!store) throw new Error("demo store missing from the sandbox");
    return store;
  };

  return {
    sandbox,
    app,
    adminApi,
    engine,
    queue,
    deliver(topic, body, { eventId, webhookId } = {}) {
      const path = `/webhooks/${topic === "customers/redact" || topic === "customers/data_request" || topic === "shop/redact" ? "compliance" : topic}`;
      const topicName = topic.toUpperCase().replace(/[/.]/g, "_");
      return receive(webhookRequest({ path, topic, body, eventId, webhookId }), {
        topics: [topicName],
        job: webhookJobOf(topicName),
      });
    },
    async settle(timeoutMs = 20_000) {
      const started = Date.now();
      let quietRounds = 0;
      while (quietRounds < 2) {
        if (Date.now() - started > timeoutMs) throw new Error("the sync engine did not settle in time");
        await new Promise((resolve) => setTimeout(resolve, 150));
        let busy = 0;
        for (const name of jobNames) busy += (await queue.list(name, { states: ["queued", "active", "retry"] })).length;
        quietRounds = busy === 0 ? quietRounds + 1 : 0;
      }
    },
    demoStore,
    transactions: () => demoStore().transactions,
    member(id) {
      const member = demoStore().members.find((candidate) => candidate.id === id);
      if (!member) throw new Error(`no member ${id}`);
      return member;
    },
    setOrderConsent(orderId, consent) {
      orderConsents.set(`gid://shopify/Order/${orderId}`, JSON.stringify(consent));
    },
    orderSync: (orderId) => db.orderSync.findUnique({ where: { shop_orderId: { shop: TEST_SHOP, orderId } } }),
    async stop() {
      await engine.stop();
      await sandbox.stop();
      adminApi.uninstall();
    },
  };
}
