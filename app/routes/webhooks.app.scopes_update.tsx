import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";
import { WEBHOOK_ENDPOINTS } from "~/webhooks/endpoints";
import type { WebhookRoute } from "~/webhooks/webhook-route";

// Handled at receipt by app/webhooks/app-lifecycle.server.ts, then by app/sync/inbox-process.server.ts.
export const webhook = {
  topics: WEBHOOK_ENDPOINTS["/webhooks/app/scopes_update"],
  job: "inbox-process",
  immediately: "app-lifecycle",
} satisfies WebhookRoute;

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, webhook);
