import { account, storefront } from "~/shopify.server";

export const loader = storefront.customerAccount.loader((context) => account.orderPoints(context));
