import { redirect } from "@remix-run/node";

import type { Database, Shop } from "~/db.server";
import { findShop, recordInstall } from "~/shops/shop.server";

import { inAppUrl } from "./app-url";
import { needsOnboarding } from "./onboarding-step";

/** Shopify's admin authentication (`authenticate.admin`), in the shape the admin pages use. */
export type AuthenticateAdmin<Session extends { shop: string }, Admin> = (
  request: Request,
) => Promise<{ session: Session; admin: Admin }>;

/**
 * The admin pages' request context, built by the composition root: authenticates the request
 * (session token) and loads the shop's row, creating it if needed.
 */
export function createAdminContext<Session extends { shop: string }, Admin>(deps: {
  authenticate: AuthenticateAdmin<Session, Admin>;
  db: Database;
}) {
  async function requireShop(request: Request) {
    const { session, admin } = await deps.authenticate(request);
    const shop: Shop = (await findShop(deps.db, session.shop)) ?? (await recordInstall(deps.db, session.shop));
    return { session, admin, shop };
  }

  /** Like requireShop, but sends a merchant who has not finished onboarding to it first. */
  async function requireOnboardedShop(request: Request) {
    const context = await requireShop(request);
    if (needsOnboarding(context.shop)) throw redirect(inAppUrl(request.url, "/app/onboarding"));
    return context;
  }

  return { requireShop, requireOnboardedShop };
}

/** A redirect to another admin page that keeps Shopify's embedding parameters. */
export function redirectInApp(request: Request, path: string): Response {
  return redirect(inAppUrl(request.url, path));
}
