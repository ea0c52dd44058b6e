import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";
import type { WebhookRoute } from "~/webhooks/webhook-route";

// The three mandatory compliance topics share one endpoint (see shopify.app.toml).
// Handled by app/sync/inbox-process.server.ts (app/sync/compliance.server.ts).
export const webhook = {
  topics: ["CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"],
  job: "inbox-process",
} satisfies WebhookRoute;

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, webhook);
