import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";
import type { WebhookRoute } from "~/webhooks/webhook-route";

// Handled at receipt by app/webhooks/app-lifecycle.server.ts, then by app/sync/inbox-process.server.ts.
export const webhook = {
  topics: ["APP_SCOPES_UPDATE"],
  job: "inbox-process",
  immediately: "app-lifecycle",
} satisfies WebhookRoute;

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, webhook);
