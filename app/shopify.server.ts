/**
 * The composition root: the only module that reads the environment and wires the app together.
 * Routes import the narrow members exported at the bottom, never the config.
 */
import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";

import { ADMIN_API_VERSION } from "./api-version";
import { getDatabase } from "./db.server";
import { getEnv } from "./env.server";
import { createLogger } from "./logger.server";
import { appLifecycleHandlers } from "./webhooks/app-lifecycle.server";
import { createWebhookReceiver } from "./webhooks/receive.server";

const env = getEnv();

export const logger = createLogger({ level: env.LOG_LEVEL, fields: { service: "diller-loyalty" } });

export const db = getDatabase();

const shopify = shopifyApp({
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION,
  scopes: env.SCOPES,
  appUrl: env.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db),
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
});

export const receiveWebhook = createWebhookReceiver({
  authenticateWebhook: shopify.authenticate.webhook,
  db,
  logger: logger.child({ component: "webhooks" }),
  immediateHandlers: appLifecycleHandlers(db),
});

/** The only configuration values that may reach the browser. */
export const publicAppConfig = { apiKey: env.SHOPIFY_API_KEY } as const;

export default shopify;
export const apiVersion = ADMIN_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
