import { checkout, storefront } from "~/shopify.server";
import { StorefrontHttpError } from "~/storefront/errors.server";

/** POST /api/checkout/coupons/validate (packages/storefront-contract): re-checks the minted codes on the checkout. */
export const action = storefront.checkout.action((context) => checkout.validateCoupons(context));
/** Remix hands the CORS preflight (OPTIONS) to the loader; a GET with a valid token is 404. */
export const loader = storefront.checkout.loader(async () => {
  throw new StorefrontHttpError("not_found");
});
