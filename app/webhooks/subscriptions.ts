import { readFileSync } from "node:fs";

import { parse } from "smol-toml";
import { z } from "zod";

const AppTomlSchema = z.object({
  webhooks: z.object({
    api_version: z.string(),
    subscriptions: z.array(
      z
        .object({
          topics: z.array(z.string()).optional(),
          compliance_topics: z.array(z.string()).optional(),
          uri: z.string(),
        })
        .transform(({ topics = [], compliance_topics = [], uri }) => ({
          uri,
          topics: [...topics, ...compliance_topics],
        })),
    ),
  }),
});

export type AppWebhookConfig = z.infer<typeof AppTomlSchema>["webhooks"];

/** The webhook section of shopify.app.toml, validated. Used by tests and tooling, not at run time. */
export function readWebhookConfig(path = "shopify.app.toml"): AppWebhookConfig {
  return AppTomlSchema.parse(parse(readFileSync(path, "utf8"))).webhooks;
}

/** `/webhooks/orders/paid` → `app/routes/webhooks.orders.paid.tsx` (Remix flat routes). */
export function routeFileForUri(uri: string): string {
  return `app/routes/${uri.replace(/^\//, "").replaceAll("/", ".")}.tsx`;
}
