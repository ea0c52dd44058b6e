import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";

// The three mandatory compliance topics share one endpoint (see shopify.app.toml).
export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, ["CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"]);
