/** The environment the app boots with in tests: Shopify's test credentials from testConfig(). */
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";

const shopifyTest = testConfig();

Object.assign(process.env, {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: shopifyTest.apiKey,
  SHOPIFY_API_SECRET: shopifyTest.apiSecretKey,
  SHOPIFY_APP_URL: shopifyTest.appUrl,
  SCOPES:
    "read_customers,write_customers,read_orders,write_orders,read_products,read_discounts,write_discounts,read_locations",
  // A fixed, test-only key (32 bytes of 0x01); production keys come from the environment.
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "error",
});
