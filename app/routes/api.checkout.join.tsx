import { checkout, storefront } from "~/shopify.server";
import { StorefrontHttpError } from "~/storefront/errors.server";

/** POST /api/checkout/join (packages/storefront-contract): the buyer joins on the thank-you page. */
export const action = storefront.checkout.action((context) => checkout.join(context));
/** Remix hands the CORS preflight (OPTIONS) to the loader; a GET with a valid token is 404. */
export const loader = storefront.checkout.loader(async () => {
  throw new StorefrontHttpError("not_found");
});
