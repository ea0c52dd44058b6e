import { ApiVersion } from "@shopify/shopify-app-remix/server";

/**
 * The one Admin API version of the app. `shopifyApp()`, GraphQL codegen (`.graphqlrc.ts`) and the
 * webhook subscriptions in `shopify.app.toml` all use it; `app/api-version.test.ts` fails when the
 * TOML drifts. Bump it once a year (Shopify supports a version for twelve months).
 */
export const ADMIN_API_VERSION = ApiVersion.July26;
