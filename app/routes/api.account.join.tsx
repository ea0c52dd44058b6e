import { account, storefront } from "~/shopify.server";

// The OPTIONS preflight reaches the loader; the handler answers it with the CORS headers.
export const loader = storefront.customerAccount.loader(async () => {
  throw new Response(null, { status: 405 });
});
export const action = storefront.customerAccount.action((context) => account.join(context));
