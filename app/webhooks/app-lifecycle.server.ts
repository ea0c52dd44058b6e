import { z } from "zod";

import type { Database } from "~/db.server";

import type { ImmediateWebhookHandler } from "./receive.server";

const ScopesUpdatePayload = z.object({ current: z.array(z.string()) });

/**
 * The two app-lifecycle topics are handled as soon as they are stored: both only touch the app's
 * own session rows, and both are idempotent (app/uninstalled can arrive twice, the second time
 * after the sessions are gone).
 */
export function appLifecycleHandlers(db: Database): Record<string, ImmediateWebhookHandler> {
  return {
    APP_UNINSTALLED: async ({ shop }) => {
      await db.session.deleteMany({ where: { shop } });
    },
    APP_SCOPES_UPDATE: async ({ shop, payload }) => {
      const parsed = ScopesUpdatePayload.safeParse(payload);
      if (!parsed.success) return;
      await db.session.updateMany({ where: { shop }, data: { scope: parsed.data.current.join(",") } });
    },
  };
}
