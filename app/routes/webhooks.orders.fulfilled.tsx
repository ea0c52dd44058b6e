import type { ActionFunctionArgs } from "@remix-run/node";

import { receiveWebhook } from "~/shopify.server";

export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, ["ORDERS_FULFILLED"]);
