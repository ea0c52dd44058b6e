import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";
import { WEBHOOK_ENDPOINTS } from "~/webhooks/endpoints";

// The three mandatory compliance topics share one endpoint (see shopify.app.toml).
export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, WEBHOOK_ENDPOINTS["/webhooks/compliance"]);
