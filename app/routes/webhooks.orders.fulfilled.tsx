import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";
import { WEBHOOK_ENDPOINTS } from "~/webhooks/endpoints";
import type { WebhookRoute } from "~/webhooks/webhook-route";

// Handled by app/sync/order-sync/.
export const webhook = {
  topics: WEBHOOK_ENDPOINTS["/webhooks/orders/fulfilled"],
  job: "order-sync",
} satisfies WebhookRoute;

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, webhook);
