import { checkout, storefront } from "~/shopify.server";

/** GET /api/checkout/config (packages/storefront-contract): consent texts, privacy policy, points ratio. */
export const loader = storefront.checkout.loader((context) => checkout.config(context));
