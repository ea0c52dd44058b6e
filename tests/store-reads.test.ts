/**
 * The composition root builds one Diller store-reads service: the admin, checkout and customer
 * account pages of a shop share what it read (docs/decisions/044-one-store-reads-service.md).
 */
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";

import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import { loader as accountLoyalty } from "~/routes/api.account.loyalty";
import { loader as checkoutConfig } from "~/routes/api.checkout.config";
import { loader as settings } from "~/routes/app.settings/route";

import { extensionRequest } from "./shopify";
import { installFakeAdminApi, type FakeAdminApi } from "./shopify-admin-fake";

let harness: AdminHarness;
let adminApi: FakeAdminApi;
beforeAll(async () => {
  harness = await startAdminHarness();
  // The settings page also lists the shop's locations (POS registers).
  adminApi = installFakeAdminApi({ DillerLocations: () => ({ locations: { nodes: [] } }) });
});
afterAll(async () => {
  adminApi.uninstall();
  await harness.stop();
});
beforeEach(async () => {
  await harness.reset();
});

/** Diller calls for an operation since `from` (an index into the sandbox's request log). */
const callsSince = (from: number, operationId: string) =>
  harness.sandbox.requestLog.slice(from).filter((entry) => entry.operationId === operationId).length;

async function extensionGet(route: typeof checkoutConfig, path: string, customerGid?: string) {
  const request = await extensionRequest(path, customerGid ? { customerGid } : {});
  const response = await route({ request, params: {}, context: {} });
  expect(response.status).toBe(200);
  return response.json();
}

it("the settings page, checkout and the customer account reading one shop's store cost one store read", async () => {
  await harness.connectShop();
  const start = harness.sandbox.requestLog.length;

  const page = await harness.load(settings, "/app/settings");
  const config = await extensionGet(checkoutConfig, "/api/checkout/config");
  const loyalty = await extensionGet(accountLoyalty, "/api/account/loyalty", "gid://shopify/Customer/7100001");

  expect(page.data.store).not.toBeNull();
  expect(config).toMatchObject({ currency: "NOK" });
  expect(loyalty).toMatchObject({ status: "not_member" });
  expect(callsSince(start, "get")).toBe(1);
});

it("a new connection reads the store again for every part of the app", async () => {
  await harness.connectShop();
  await harness.load(settings, "/app/settings");
  await harness.connectShop({ connectedAt: new Date(Date.now() + 1_000) });
  const start = harness.sandbox.requestLog.length;

  await extensionGet(checkoutConfig, "/api/checkout/config");

  expect(callsSince(start, "get")).toBe(1);
});
