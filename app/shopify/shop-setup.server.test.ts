import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { installFakeAdminApi, type FakeAdminApi } from "../../tests/shopify-admin-fake";
import { offlineSession, TEST_SHOP } from "../../tests/shopify";
import { silentLogger } from "~/logger.server";

import { prepareShopForExtensions, shopGraphqlOf } from "./shop-setup.server";

const app = await import("~/shopify.server");
let adminApi: FakeAdminApi;

interface Existing {
  order?: { cartToOrderCopyable: boolean };
  customer?: boolean;
}

function answers(existing: Existing, userErrors: { code: string; message: string }[] = []) {
  return {
    DillerExtensionSetup: () => ({
      shop: { ianaTimezone: "Europe/Oslo", currencyCode: "SEK" },
      orderConsent: {
        nodes: existing.order
          ? [
              {
                id: "gid://shopify/MetafieldDefinition/1",
                capabilities: { cartToOrderCopyable: { enabled: existing.order.cartToOrderCopyable } },
              },
            ]
          : [],
      },
      customerConsent: { nodes: existing.customer ? [{ id: "gid://shopify/MetafieldDefinition/2" }] : [] },
    }),
    DillerCreateMetafieldDefinition: () => ({
      metafieldDefinitionCreate: {
        createdDefinition: userErrors.length ? null : { id: "gid://shopify/MetafieldDefinition/9" },
        userErrors: userErrors.map((error) => ({ field: ["definition"], ...error })),
      },
    }),
    DillerUpdateMetafieldDefinition: () => ({
      metafieldDefinitionUpdate: { updatedDefinition: { id: "gid://shopify/MetafieldDefinition/1" }, userErrors: [] },
    }),
  };
}

async function setUp() {
  const { admin } = await app.unauthenticated.admin(TEST_SHOP);
  return prepareShopForExtensions({ db: app.db, graphql: shopGraphqlOf(admin), logger: silentLogger }, TEST_SHOP);
}

beforeAll(() => {
  adminApi = installFakeAdminApi();
});
afterAll(() => adminApi.uninstall());
beforeEach(async () => {
  await app.db.shop.deleteMany({});
  await app.db.session.deleteMany({});
  await app.sessionStorage.storeSession(offlineSession());
  await app.db.shop.create({ data: { shop: TEST_SHOP } });
  adminApi.calls.length = 0;
});

describe("prepareShopForExtensions", () => {
  it("creates the order definition (copied from the cart) and the customer definition, and stores the time zone and currency", async () => {
    adminApi.resolvers = answers({});
    expect(await setUp()).toEqual({ ok: true });
    expect(adminApi.calls.map((call) => call.operation)).toEqual([
      "DillerExtensionSetup",
      "DillerCreateMetafieldDefinition",
      "DillerCreateMetafieldDefinition",
    ]);
    expect(adminApi.calls[1]?.variables.definition).toEqual({
      name: "Diller loyalty consent",
      description: expect.any(String),
      namespace: "$app",
      key: "diller_consent",
      type: "json",
      ownerType: "ORDER",
      capabilities: { cartToOrderCopyable: { enabled: true } },
    });
    expect(adminApi.calls[2]?.variables.definition).toMatchObject({
      ownerType: "CUSTOMER",
      type: "json",
      key: "diller_consent",
    });
    expect(adminApi.invalid).toEqual([]);
    expect(await app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      extensionSetupAt: expect.any(Date),
      extensionSetupError: null,
      timezone: "Europe/Oslo",
      currency: "SEK",
    });
  });

  it("is idempotent: existing definitions are left alone", async () => {
    adminApi.resolvers = answers({ order: { cartToOrderCopyable: true }, customer: true });
    expect(await setUp()).toEqual({ ok: true });
    expect(adminApi.calls.map((call) => call.operation)).toEqual(["DillerExtensionSetup"]);
  });

  it("switches on the cart-to-order copy of an existing order definition", async () => {
    adminApi.resolvers = answers({ order: { cartToOrderCopyable: false }, customer: true });
    expect(await setUp()).toEqual({ ok: true });
    expect(adminApi.calls.map((call) => call.operation)).toEqual([
      "DillerExtensionSetup",
      "DillerUpdateMetafieldDefinition",
    ]);
    expect(adminApi.calls[1]?.variables.definition).toMatchObject({
      ownerType: "ORDER",
      capabilities: { cartToOrderCopyable: { enabled: true } },
    });
    expect(adminApi.invalid).toEqual([]);
  });

  it("takes 'already taken' as success (a concurrent install created it)", async () => {
    adminApi.resolvers = answers({}, [{ code: "TAKEN", message: "Key is in use" }]);
    expect(await setUp()).toEqual({ ok: true });
  });

  it("records a failure on the shop instead of throwing, so the install goes on", async () => {
    adminApi.resolvers = answers({}, [{ code: "LIMIT_EXCEEDED", message: "Too many definitions" }]);
    const result = await setUp();
    expect(result).toEqual({ ok: false, error: expect.stringContaining("Too many definitions") });
    expect(await app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      extensionSetupAt: null,
      extensionSetupError: expect.stringContaining("Too many definitions"),
    });
  });

  it("records an Admin API error too", async () => {
    adminApi.resolvers = {};
    const result = await setUp();
    expect(result.ok).toBe(false);
    expect((await app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).extensionSetupError).toBeTruthy();
  });
});
