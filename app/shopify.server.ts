/**
 * The composition root: the only module that reads the environment and wires the app together.
 * Routes import the narrow members exported at the bottom, never the config.
 */
import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";

import { createAccountService } from "./account/service.server";
import { createAdminContext } from "./admin/context.server";
import { prepareShopForExtensions, shopGraphqlOf } from "./shopify/shop-setup.server";
import { ADMIN_API_VERSION } from "./api-version";
import { createCheckoutService } from "./checkout/checkout.server";
import { getDatabase } from "./db.server";
import { documentHeaders } from "./http/document-headers.server";
import { createCallSlots, jobsForCallSlots } from "./diller/call-slots.server";
import { resolveHost, setDillerEgressPolicy } from "./diller/egress.server";
import { decodeKey, getEnv, type Env } from "./env.server";
import { createJobQueue } from "./jobs/create-queue.server";
import { onShutdown } from "./lifecycle.server";
import { createLogger } from "./logger.server";
import { createSecretBox } from "./security/encryption.server";
import { SealedSessionStorage } from "./security/sealed-session-storage.server";
import { createAdminGateway, type AdminGraphql } from "./shopify/admin-gateway.server";
import { withProductInfoCache } from "./shopify/product-info-cache.server";
import { clearCustomerLoyalty } from "./shopify/customer-loyalty.server";
import { createLoyaltyFactsWriter } from "./shopify/loyalty-facts.server";
import { createDiscountGateway } from "./shopify/discounts.server";
import { shopifyLibraryLogger } from "./shopify/library-logger";
import { recordInstall } from "./shops/shop.server";
import { createDillerAccess } from "./shops/diller-access.server";
import { createDillerStoreReads } from "./shops/diller-store-reads.server";
import { createStorefrontRoute } from "./storefront/handler.server";
import { createSyncEngine } from "./sync/engine.server";
import { appLifecycleHandlers } from "./webhooks/app-lifecycle.server";
import { withBatchedSends } from "./jobs/batched-send.server";
import { createWebhookFastPath } from "./webhooks/node-intake.server";
import { createWebhookIntake, requestReceiver } from "./webhooks/receive.server";
import { createWebhookVerifier } from "./webhooks/verify.server";

/**
 * The composition root: builds every service of one app from its environment. Importing this module
 * starts nothing in the background — the server entry (app/entry.server.tsx) and `npm run worker`
 * call `startWorker()`; tests and scripts build what they need without a worker.
 */
export function createApp(env: Env) {
  const logger = createLogger({ level: env.LOG_LEVEL, fields: { service: "diller-loyalty" } });

  const db = getDatabase();

  function keyOf(value: string): Buffer {
    const key = decodeKey(value);
    if (!key) throw new Error("APP_ENCRYPTION_KEY is not a valid key");
    return key;
  }

  /** Seals and opens the merchants' Diller API keys (AES-256-GCM, rotating keys). */
  const secrets = createSecretBox(keyOf(env.APP_ENCRYPTION_KEY), env.APP_ENCRYPTION_KEYS_PREVIOUS.map(keyOf));

  // A merchant's custom Diller base URL must not turn the server into a proxy for internal services.
  setDillerEgressPolicy({
    production: env.NODE_ENV === "production",
    allowedHosts: env.DILLER_ALLOWED_HOSTS,
    ...(env.NODE_ENV === "production" ? { resolve: resolveHost } : {}),
  });

  const shopify = shopifyApp({
    apiKey: env.SHOPIFY_API_KEY,
    apiSecretKey: env.SHOPIFY_API_SECRET,
    apiVersion: ADMIN_API_VERSION,
    scopes: env.SCOPES,
    appUrl: env.SHOPIFY_APP_URL,
    authPathPrefix: "/auth",
    // Access and refresh tokens are sealed at rest with the same keys as the Diller API keys.
    sessionStorage: new SealedSessionStorage(new PrismaSessionStorage(db), secrets),
    logger: shopifyLibraryLogger(logger),
    distribution: AppDistribution.AppStore,
    future: {
      unstable_newEmbeddedAuthStrategy: true,
      expiringOfflineAccessTokens: true,
    },
    hooks: {
      afterAuth: async ({ session, admin }) => {
        await recordInstall(db, session.shop);
        // The metafield definitions the extensions need; never fails the install (the admin retries).
        await prepareShopForExtensions({ db, graphql: shopGraphqlOf(admin), logger }, session.shop);
      },
    },
  });

  // The only place a shop's sealed Diller API key is opened; everything else gets a connection or client from here.
  const {
    connectionFor: dillerConnectionFor,
    clientFor: dillerClientFor,
    tester: dillerConnectionTester,
    connectShop,
  } = createDillerAccess({ db, secrets, logger });

  /** The Diller store's settings the admin, checkout, account and order sync read: one cache per app (decision 044). */
  const storeReads = createDillerStoreReads({ dillerFor: dillerClientFor });

  /** One Admin GraphQL operation with the shop's offline session; answers its `data`. */
  const adminGraphql: AdminGraphql = async (shop, query, variables) => {
    const { admin } = await shopify.unauthenticated.admin(shop);
    const response = await admin.graphql(query, { variables });
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null && "data" in body ? body.data : undefined;
  };

  const adminLogger = logger.child({ component: "shopify-admin" });
  // Product details are asked once per variant, not once per order (product-info-cache.server.ts).
  const adminGateway = withProductInfoCache(createAdminGateway({ logger: adminLogger, graphql: adminGraphql }), {
    logger: adminLogger,
  });
  const loyaltyFacts = createLoyaltyFactsWriter({ graphql: adminGraphql });

  /** The discount codes minted for Diller coupons (checkout Apply/Validate, reconciliation sweep). */
  const discountGateway = createDiscountGateway({ graphql: adminGraphql });

  // Sends batched per turn of the event loop: a burst of webhooks enqueues its jobs in a few inserts.
  const jobQueue = withBatchedSends(createJobQueue({ databaseUrl: env.DATABASE_URL, db, logger }));

  // The background jobs' Diller calls in flight: JOB_CONCURRENCY at most, however many jobs run (call-slots.server.ts).
  const jobCallSlots = createCallSlots(env.JOB_CONCURRENCY);
  const syncEngine = createSyncEngine({
    db,
    queue: jobQueue,
    admin: adminGateway,
    dillerFor: (shop) => dillerClientFor(shop, { callSlots: jobCallSlots }),
    storeReads,
    loyaltyFacts,
    discounts: discountGateway,
    logger: logger.child({ component: "sync" }),
    retention: { webhookDays: env.WEBHOOK_RETENTION_DAYS, orderDataDays: env.ORDER_DATA_RETENTION_DAYS },
  });
  onShutdown(() => syncEngine.stop());

  /** Runs the background jobs in this process (idempotent: Vite's dev server re-imports modules). */
  async function startWorker() {
    if (globalThis.__dillerWorkerStarted) return;
    globalThis.__dillerWorkerStarted = true;
    await syncEngine.start({
      concurrency: jobsForCallSlots(env.JOB_CONCURRENCY),
      reconcileIntervalMs: env.RECONCILE_INTERVAL_MINUTES * 60_000,
    });
  }

  /**
   * Our own HMAC check, not authenticate.webhook: that one may refresh the shop's token first and
   * fail the delivery when the refresh does (docs/decisions/018-webhook-hardening.md).
   */
  const webhookVerification = {
    verifyWebhook: createWebhookVerifier(env.SHOPIFY_API_SECRET),
    maxBodyBytes: env.MAX_REQUEST_BODY_BYTES,
  };

  const intakeWebhook = createWebhookIntake({
    ...webhookVerification,
    db,
    logger: logger.child({ component: "webhooks" }),
    immediateHandlers: appLifecycleHandlers(db),
    dispatch: syncEngine.dispatch,
  });

  /** The webhook routes' receiver (app/routes/webhooks.*.tsx). */
  const receiveWebhook = requestReceiver(intakeWebhook);

  /** The same receiver for server.mjs, ahead of Remix (docs/decisions/041-webhook-fast-path.md). */
  const webhookFastPath = createWebhookFastPath(intakeWebhook);

  /**
   * The extension routes' request layer: session token verified, shop from `dest`, customer from `sub`,
   * CORS on every answer. Checkout routes use `storefront.checkout`, customer-account routes
   * `storefront.customerAccount`.
   */
  /** The merchant admin's pages: their request context and the services their modules take. */
  const adminPages = {
    ...createAdminContext({ authenticate: (request: Request) => shopify.authenticate.admin(request), db }),
    deps: {
      db,
      dillerFor: dillerClientFor,
      storeReads,
      dillerConnectionFor,
      connectionTester: dillerConnectionTester,
      connectShop,
      logger,
      queue: jobQueue,
      admin: adminGateway,
    },
  };

  const storefront = {
    checkout: createStorefrontRoute({
      authenticate: (request) => shopify.authenticate.public.checkout(request),
      logger: logger.child({ component: "storefront", surface: "checkout" }),
    }),
    customerAccount: createStorefrontRoute({
      authenticate: (request) => shopify.authenticate.public.customerAccount(request),
      logger: logger.child({ component: "storefront", surface: "customer-account" }),
    }),
  };

  /** The customer-account pages (app/account): my loyalty, join, edit, phone codes, leave, order points. */
  const account = createAccountService({
    db,
    dillerFor: dillerClientFor,
    storeReads,
    shopify: {
      storeCustomerConsent: (shop, customerId, consent) => adminGateway.storeCustomerConsent(shop, customerId, consent),
      clearCustomerLoyalty: (shop, customerId) => clearCustomerLoyalty(adminGraphql, shop, customerId),
    },
    logger: logger.child({ component: "account" }),
  });

  /** The checkout extensions' backend (app/checkout), behind the `api.checkout.*` routes. */
  const checkout = createCheckoutService({
    db,
    dillerFor: dillerClientFor,
    storeReads,
    discounts: discountGateway,
    queue: jobQueue,
    logger: logger.child({ component: "checkout" }),
  });

  /** The only configuration values that may reach the browser. */
  const publicAppConfig = { apiKey: env.SHOPIFY_API_KEY } as const;

  return {
    env,
    adminGraphql,
    startWorker,
    adminPages,
    webhookFastPath,
    logger,
    db,
    secrets,
    shopify,
    dillerConnectionFor,
    dillerClientFor,
    storeReads,
    dillerConnectionTester,
    connectShop,
    adminGateway,
    loyaltyFacts,
    discountGateway,
    jobQueue,
    syncEngine,
    webhookVerification,
    receiveWebhook,
    storefront,
    account,
    checkout,
    publicAppConfig,
  };
}

export type App = ReturnType<typeof createApp>;

declare global {
  var __dillerWorkerStarted: boolean | undefined;
}

/** This process's app, built once from the validated environment. */
export const app = createApp(getEnv());

export const {
  adminPages,
  webhookFastPath,
  logger,
  db,
  secrets,
  startWorker,
  dillerConnectionFor,
  dillerClientFor,
  storeReads,
  dillerConnectionTester,
  connectShop,
  adminGateway,
  loyaltyFacts,
  discountGateway,
  jobQueue,
  syncEngine,
  webhookVerification,
  receiveWebhook,
  storefront,
  account,
  checkout,
  publicAppConfig,
} = app;

export default app.shopify;
export const apiVersion = ADMIN_API_VERSION;
export const addDocumentResponseHeaders = documentHeaders(app.shopify.addDocumentResponseHeaders);
export const authenticate = app.shopify.authenticate;
export const unauthenticated = app.shopify.unauthenticated;
export const login = app.shopify.login;
export const registerWebhooks = app.shopify.registerWebhooks;
export const sessionStorage = app.shopify.sessionStorage;
