import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";
import { WEBHOOK_ENDPOINTS } from "~/webhooks/endpoints";

export const action = ({ request }: ActionFunctionArgs) =>
  receiveWebhook(request, WEBHOOK_ENDPOINTS["/webhooks/app/uninstalled"]);
