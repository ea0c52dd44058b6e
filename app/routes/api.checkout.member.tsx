import { checkout, storefront } from "~/shopify.server";

/** GET /api/checkout/member (packages/storefront-contract): the logged-in member and their coupons. */
export const loader = storefront.checkout.loader((context) => checkout.member(context));
