import { checkout, storefront } from "~/shopify.server";
import { StorefrontHttpError } from "~/storefront/errors.server";

/** POST /api/checkout/coupons/apply (packages/storefront-contract): validates a coupon with Diller and mints or reuses its Shopify code. */
export const action = storefront.checkout.action((context) => checkout.applyCoupon(context));
/** Remix hands the CORS preflight (OPTIONS) to the loader; a GET with a valid token is 404. */
export const loader = storefront.checkout.loader(async () => {
  throw new StorefrontHttpError("not_found");
});
