import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { installFakeAdminApi, type FakeAdminApi } from "../../../tests/shopify-admin-fake";
import { adminRequest, TEST_SHOP } from "../../../tests/shopify";
import { loader } from "./route";

const app = await import("~/shopify.server");
let adminApi: FakeAdminApi;
const tokenExchanges: string[] = [];

beforeAll(() => {
  adminApi = installFakeAdminApi({
    DillerExtensionSetup: () => ({
      shop: { ianaTimezone: "America/Toronto" },
      orderConsent: { nodes: [] },
      customerConsent: { nodes: [{ id: "gid://shopify/MetafieldDefinition/2" }] },
    }),
    DillerCreateMetafieldDefinition: () => ({
      metafieldDefinitionCreate: { createdDefinition: { id: "gid://shopify/MetafieldDefinition/1" }, userErrors: [] },
    }),
  });
  // Shopify's token exchange (first open after install) answered here; GraphQL goes to the fake.
  const graphql = abstractFetch;
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname !== "/admin/oauth/access_token") return graphql(input, init);
    tokenExchanges.push(url.hostname);
    return Response.json({
      access_token: "shpat_from_exchange",
      scope: process.env.SCOPES,
      expires_in: 3600,
      refresh_token: "shprt_from_exchange",
      refresh_token_expires_in: 7_776_000,
    });
  });
});
afterAll(() => adminApi.uninstall());

describe("first open after install", () => {
  it("exchanges the session token, records the shop and creates what the extensions need", async () => {
    // GIVEN no session and no shop row (a fresh install)
    await app.db.session.deleteMany({});
    await app.db.shop.deleteMany({});

    // WHEN the merchant opens the app
    await loader({ request: await adminRequest("/app/onboarding"), params: {}, context: {} });

    // THEN afterAuth created the shop row and the ORDER definition (the CUSTOMER one existed)
    expect(tokenExchanges).toEqual([TEST_SHOP]);
    expect(await app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      extensionSetupAt: expect.any(Date),
      timezone: "America/Toronto",
      integrationEnabled: false,
    });
    const created = adminApi.calls.filter((call) => call.operation === "DillerCreateMetafieldDefinition");
    expect(created.map((call) => call.variables.definition)).toEqual([
      expect.objectContaining({ ownerType: "ORDER", capabilities: { cartToOrderCopyable: { enabled: true } } }),
    ]);
    expect(adminApi.invalid).toEqual([]);
  });
});
