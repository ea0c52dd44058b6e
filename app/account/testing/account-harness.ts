/**
 * Test harness for the customer-account routes: the sync harness (real composition root, Diller
 * sandbox, fake Admin API, sync engine) plus helpers that call a route with a signed
 * customer-account session token and set up a customer's webhook snapshot.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { startSyncHarness, type SyncHarness } from "../../../tests/sync/harness";
import { extensionRequest, TEST_SHOP, type ExtensionRequestOptions } from "../../../tests/shopify";

type Route = (args: LoaderFunctionArgs) => Promise<Response>;

export interface RouteAnswer {
  status: number;
  headers: Headers;
  // Route answers are JSON; tests read them as loosely typed data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export const customerGid = (id: string) => `gid://shopify/Customer/${id}`;

export interface AccountHarness extends SyncHarness {
  call(route: Route, path: string, customerId: string | null, options?: ExtensionRequestOptions): Promise<RouteAnswer>;
  /** The customer as the customers/create webhook left it in CustomerLink (no member yet). */
  setCustomer(customerId: string, fields: Record<string, unknown>): Promise<void>;
  /** Back to the demo seed, no links, codes or orders, empty caches. */
  reset(): Promise<void>;
}

export async function startAccountHarness(): Promise<AccountHarness> {
  const harness = await startSyncHarness();
  harness.adminApi.resolvers.DillerClearCustomerLoyalty = () => ({
    metafieldsDelete: { userErrors: [] },
    tagsRemove: { userErrors: [] },
  });
  return {
    ...harness,
    async call(route, path, customerId, options = {}) {
      const request = await extensionRequest(path, {
        ...(customerId ? { customerGid: customerGid(customerId) } : {}),
        ...options,
      });
      const response = await route({ request, params: {}, context: {} });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
    async setCustomer(customerId, fields) {
      const customerJson = JSON.stringify({ id: Number(customerId), addresses: [], ...fields });
      await harness.app.db.customerLink.upsert({
        where: { shop_customerId: { shop: TEST_SHOP, customerId } },
        create: { shop: TEST_SHOP, customerId, customerJson, state: "NO_MEMBER" },
        update: { customerJson },
      });
    },
    async reset() {
      harness.sandbox.reset();
      harness.sandbox.faults.reset();
      harness.app.account.clearMemberCache();
      harness.app.storeReads.clear();
      const { db } = harness.app;
      await db.customerLink.deleteMany({});
      await db.accountOtp.deleteMany({});
      await db.syncActivity.deleteMany({});
      await db.orderSync.deleteMany({});
      harness.adminApi.calls.length = 0;
    },
  };
}
