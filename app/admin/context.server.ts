import { redirect } from "@remix-run/node";

import type { Shop } from "~/db.server";
import { authenticate, db } from "~/shopify.server";
import { findShop, recordInstall } from "~/shops/shop.server";

import { inAppUrl } from "./app-url";
import { needsOnboarding } from "./onboarding-step";

/** Authenticates an admin request (session token) and loads the shop's row, creating it if needed. */
export async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop: Shop = (await findShop(db, session.shop)) ?? (await recordInstall(db, session.shop));
  return { session, admin, shop };
}

/** Like requireShop, but sends a merchant who has not finished onboarding to it first. */
export async function requireOnboardedShop(request: Request) {
  const context = await requireShop(request);
  if (needsOnboarding(context.shop)) throw redirect(inAppUrl(request.url, "/app/onboarding"));
  return context;
}

/** A redirect to another admin page that keeps Shopify's embedding parameters. */
export function redirectInApp(request: Request, path: string): Response {
  return redirect(inAppUrl(request.url, path));
}
