import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import { installFakeAdminApi, type FakeAdminApi } from "../../../tests/shopify-admin-fake";
import { TEST_SHOP } from "../../../tests/shopify";

import { action, loader } from "./route";

let harness: AdminHarness;
let adminApi: FakeAdminApi;

beforeAll(async () => {
  harness = await startAdminHarness();
  // The POS registers section (pos.test.ts) reads the shop's locations.
  adminApi = installFakeAdminApi({ DillerLocations: () => ({ locations: { nodes: [] } }) });
});
afterAll(async () => {
  adminApi.uninstall();
  await harness.stop();
});
beforeEach(async () => {
  await harness.reset();
});

const VALID = {
  intent: "save",
  integrationEnabled: "true",
  orderTrigger: "FULFILLED",
  includeShipping: "true",
  guestEnrollment: "false",
  membershipConsentText: "  Yes, I want to join Diller Club and accept the terms.  ",
  marketingConsentText: "",
  discountCodePrefix: "club-",
  discountCombinesWithProduct: "true",
  discountCombinesWithOrder: "false",
  discountCombinesWithShipping: "true",
  departmentId: "oslo-city",
  currencyMismatch: "SEND",
};

describe("settings loader", () => {
  it("shows the saved settings, the masked key, the departments and Diller's privacy policy", async () => {
    await harness.connectShop({ discountCodePrefix: "DL-", membershipConsentText: "Join!", currency: "SEK" });
    const page = await harness.load(loader, "/app/settings");
    expect(page.data).toMatchObject({
      values: {
        integrationEnabled: true,
        orderTrigger: "PAID",
        includeShipping: false,
        guestEnrollment: true,
        membershipConsentText: "Join!",
        marketingConsentText: "",
        discountCodePrefix: "DL-",
        discountCombinesWithShipping: true,
        departmentId: "webshop",
        currencyMismatch: "SKIP",
      },
      // The notice compares these two: the shop sells in SEK, the sandbox store counts in NOK.
      connection: {
        shopCurrency: "SEK",
        connected: true,
        storeId: harness.sandbox.credentials.storeId,
        apiKeyMasked: "••••••••cdef",
      },
      store: { privacyPolicyUrl: "https://example.com/privacy", currency: "NOK" },
      departments: expect.arrayContaining([{ id: "bergen", name: expect.any(String) }]),
      problem: null,
    });
    expect(JSON.stringify(page.data)).not.toContain(harness.sandbox.credentials.apiKey);
  });

  it("still shows the settings when Diller cannot be reached, with a banner saying what to do", async () => {
    await harness.connectShop({ dillerBaseUrl: "http://127.0.0.1:9" });
    const page = await harness.load(loader, "/app/settings");
    expect(page.data).toMatchObject({
      values: { departmentId: "webshop" },
      departments: null,
      problem: { message: { key: "errors.diller.network" }, reference: expect.any(String) },
    });
  });

  it("explains a saved key that the server can no longer decrypt", async () => {
    // GIVEN a key sealed under an encryption key this server does not have
    await harness.connectShop({ dillerApiKey: "v1.0000000000000000.aXY.dGFn.Y2lwaGVy" });
    const page = await harness.load(loader, "/app/settings");
    expect(page.data).toMatchObject({
      connection: { apiKeyMasked: null, apiKeyUnreadable: true },
      problem: { message: { key: "errors.keyUnreadable" } },
    });
    const test = await harness.act(action, "/app/settings", { intent: "test-connection" });
    expect(test.data).toMatchObject({ errors: { form: { key: "errors.keyUnreadable" } } });
  });

  it("sends a shop that has not finished onboarding to it", async () => {
    const page = await harness.load(loader, "/app/settings");
    expect(page.location).toMatch(/^\/app\/onboarding\?/);
  });
});

describe("settings action", () => {
  it("saves valid settings, normalised, and bumps the consent text version when a text changes", async () => {
    await harness.connectShop();
    const result = await harness.act(action, "/app/settings", VALID);

    expect(result.status).toBe(200);
    expect(result.data).toEqual({ intent: "save", saved: true });
    expect(await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      integrationEnabled: true,
      orderTrigger: "FULFILLED",
      includeShipping: true,
      guestEnrollment: false,
      membershipConsentText: "Yes, I want to join Diller Club and accept the terms.",
      marketingConsentText: null,
      consentTextVersion: 2,
      discountCodePrefix: "CLUB-",
      discountCombinesWithProduct: true,
      discountCombinesWithOrder: false,
      discountCombinesWithShipping: true,
      dillerDepartmentId: "oslo-city",
      currencyMismatch: "SEND",
    });

    // Saving the same texts again keeps the version.
    await harness.act(action, "/app/settings", VALID);
    expect(await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      consentTextVersion: 2,
    });
  });

  it("switches the integration off (the kill switch)", async () => {
    await harness.connectShop();
    await harness.act(action, "/app/settings", { ...VALID, integrationEnabled: "false" });
    const shop = await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    expect(shop.integrationEnabled).toBe(false);
  });

  it.each([
    { change: { discountCodePrefix: "no spaces" }, field: "discountCodePrefix", key: "settings.errors.prefix" },
    { change: { discountCodePrefix: "-X" }, field: "discountCodePrefix", key: "settings.errors.prefix" },
    { change: { discountCodePrefix: "" }, field: "discountCodePrefix", key: "settings.errors.prefix" },
    { change: { orderTrigger: "SHIPPED" }, field: "orderTrigger", key: "settings.errors.orderTrigger" },
    {
      change: { membershipConsentText: "x".repeat(501) },
      field: "membershipConsentText",
      key: "settings.errors.consentTooLong",
    },
    {
      change: { marketingConsentText: "y".repeat(501) },
      field: "marketingConsentText",
      key: "settings.errors.consentTooLong",
    },
    { change: { departmentId: "atlantis" }, field: "departmentId", key: "settings.errors.department" },
  ])("answers 422 with the message next to $field ($key)", async ({ change, field, key }) => {
    await harness.connectShop();
    const before = await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    const result = await harness.act(action, "/app/settings", { ...VALID, ...change });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ intent: "save", errors: { [field]: { key } } });
    // Nothing was saved.
    const after = await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("reports every invalid field at once", async () => {
    await harness.connectShop();
    const result = await harness.act(action, "/app/settings", {
      ...VALID,
      discountCodePrefix: "!",
      orderTrigger: "",
      membershipConsentText: "z".repeat(600),
      currencyMismatch: "CONVERT",
    });
    expect(result.data).toMatchObject({
      errors: {
        discountCodePrefix: { key: "settings.errors.prefix" },
        orderTrigger: { key: "settings.errors.orderTrigger" },
        membershipConsentText: { key: "settings.errors.consentTooLong" },
        currencyMismatch: { key: "settings.errors.currencyMismatch" },
      },
    });
  });

  it("refuses a new department it cannot check while Diller is down, but keeps the saved one", async () => {
    await harness.connectShop({ dillerBaseUrl: "http://127.0.0.1:9" });
    const changed = await harness.act(action, "/app/settings", { ...VALID, departmentId: "bergen" });
    expect(changed.data).toMatchObject({ errors: { departmentId: { key: "settings.errors.departmentUnverifiable" } } });
    const kept = await harness.act(action, "/app/settings", { ...VALID, departmentId: "webshop" });
    expect(kept.data).toEqual({ intent: "save", saved: true });
  });

  it("tests the saved connection", async () => {
    await harness.connectShop();
    const ok = await harness.act(action, "/app/settings", { intent: "test-connection" });
    expect(ok.data).toMatchObject({ check: { ok: true, store: { id: harness.sandbox.credentials.storeId } } });

    await harness.connectShop({ dillerApiKey: harness.app.secrets.seal("revoked-key") });
    const refused = await harness.act(action, "/app/settings", { intent: "test-connection" });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      check: { ok: false, problem: "wrong-credentials", message: { key: "connection.problem.wrongCredentials" } },
    });
    for (const body of harness.bodies) expect(body).not.toContain("revoked-key");
  });
});
