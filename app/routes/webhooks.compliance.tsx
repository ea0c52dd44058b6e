import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";
import { WEBHOOK_ENDPOINTS } from "~/webhooks/endpoints";
import type { WebhookRoute } from "~/webhooks/webhook-route";

// The three mandatory compliance topics share one endpoint (see shopify.app.toml).
// Handled by app/sync/inbox-process.server.ts (app/sync/compliance.server.ts).
export const webhook = {
  topics: WEBHOOK_ENDPOINTS["/webhooks/compliance"],
  job: "inbox-process",
} satisfies WebhookRoute;

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, webhook);
