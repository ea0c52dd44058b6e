import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// The logs must be written at every level for "the key never reaches a log" to mean something.
vi.hoisted(() => {
  process.env.LOG_LEVEL = "debug";
});

import { SECOND_STORE_API_KEY, SECOND_STORE_ID } from "@diller/diller-sandbox";
import { captureOutput, startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import { installFakeAdminApi, type FakeAdminApi } from "../../../tests/shopify-admin-fake";
import { TEST_SHOP } from "../../../tests/shopify";

import { action, loader } from "./route";

let harness: AdminHarness;
let adminApi: FakeAdminApi;
let output: ReturnType<typeof captureOutput>;
const PATH = "/app/onboarding";

beforeAll(async () => {
  harness = await startAdminHarness();
});
afterAll(async () => {
  adminApi?.uninstall();
  await harness.stop();
});
beforeEach(async () => {
  output = captureOutput();
  await harness.reset();
  adminApi?.uninstall();
  adminApi = installFakeAdminApi({
    DillerExtensionSetup: () => ({
      shop: { ianaTimezone: "Europe/Oslo" },
      orderConsent: { nodes: [] },
      customerConsent: { nodes: [] },
    }),
    DillerCreateMetafieldDefinition: () => ({
      metafieldDefinitionCreate: { createdDefinition: { id: "gid://shopify/MetafieldDefinition/1" }, userErrors: [] },
    }),
  });
});

afterEach(() => {
  output.restore();
  // No log line of any test, at any level, carries the API key.
  expect(output.text()).not.toContain(harness.sandbox.credentials.apiKey);
});

function sandboxFields(overrides: Record<string, string> = {}) {
  return {
    environment: "custom",
    customBaseUrl: harness.sandbox.baseUrl,
    storeId: harness.sandbox.credentials.storeId,
    apiKey: harness.sandbox.credentials.apiKey,
    ...overrides,
  };
}

describe("onboarding: connection step", () => {
  it("starts at the connection step for a new shop, with nothing saved", async () => {
    const page = await harness.load(loader, PATH);
    expect(page.data).toMatchObject({
      step: "connect",
      connection: { connected: false, storeId: null, apiKeyMasked: null },
    });
  });

  it("tests the connection against Diller without saving anything", async () => {
    const result = await harness.act(action, PATH, { intent: "test", ...sandboxFields() });

    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({
      intent: "test",
      check: {
        ok: true,
        store: { id: harness.sandbox.credentials.storeId, name: expect.any(String), currency: "NOK" },
      },
    });
    const shop = await harness.app.db.shop.findUnique({ where: { shop: TEST_SHOP } });
    expect(shop?.dillerApiKey ?? null).toBeNull();
  });

  it.each([
    {
      problem: "wrong-credentials",
      fields: () => sandboxFields({ apiKey: "not-the-key" }),
      key: "connection.problem.wrongCredentials",
    },
    {
      problem: "unreachable",
      fields: () => sandboxFields({ customBaseUrl: "http://127.0.0.1:9" }),
      key: "connection.problem.unreachable",
    },
    {
      problem: "insecure-base-url",
      fields: () => sandboxFields({ customBaseUrl: "http://diller.example.com" }),
      key: "connection.problem.insecureBaseUrl",
    },
  ])("explains a failed test precisely: $problem", async ({ problem, fields, key }) => {
    const result = await harness.act(action, PATH, { intent: "test", ...fields() });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "test", check: { ok: false, problem, message: { key } } });
  });

  it("reports a store id Diller does not know as a store mismatch", async () => {
    // GIVEN Diller answers the store lookup with 404 (valid credentials, unknown store)
    harness.sandbox.faults.enqueue("get", { kind: "status", status: 404 });
    const result = await harness.act(action, PATH, { intent: "test", ...sandboxFields() });
    expect(result.data).toMatchObject({
      check: {
        ok: false,
        problem: "store-mismatch",
        message: { key: "connection.problem.storeMismatch", params: { storeId: harness.sandbox.credentials.storeId } },
      },
    });
  });

  it.each<{ fields: Record<string, string>; field: string }>([
    { fields: { environment: "custom", customBaseUrl: "", storeId: "x", apiKey: "k" }, field: "customBaseUrl" },
    { fields: { environment: "production", storeId: "", apiKey: "k" }, field: "storeId" },
    { fields: { environment: "production", storeId: "store", apiKey: "" }, field: "apiKey" },
    { fields: { environment: "staging", storeId: "store", apiKey: "k" }, field: "environment" },
  ])("answers 422 with a message next to $field", async ({ fields, field }) => {
    const result = await harness.act(action, PATH, { intent: "connect", ...fields });
    expect(result.status).toBe(422);
    expect(result.data).toMatchObject({ errors: { [field]: { key: expect.stringMatching(/^onboarding\.errors\./) } } });
  });
});

describe("onboarding: saving, department, finish", () => {
  it("saves the key encrypted, shows it masked, and never sends or logs it", async () => {
    // WHEN the merchant tests, saves, creates a department and finishes
    await harness.act(action, PATH, { intent: "test", ...sandboxFields() });
    const saved = await harness.act(action, PATH, { intent: "connect", ...sandboxFields() });
    expect(saved.status).toBe(302);
    expect(saved.location).toContain("/app/onboarding?step=department");

    const shop = await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    // THEN the database holds an AES-GCM envelope that opens to the key
    expect(shop.dillerApiKey).toMatch(/^v1\./);
    expect(shop.dillerApiKey).not.toContain(harness.sandbox.credentials.apiKey);
    expect(harness.app.secrets.open(shop.dillerApiKey ?? "")).toBe(harness.sandbox.credentials.apiKey);

    const page = await harness.load(loader, `${PATH}?step=department`);
    expect(page.data).toMatchObject({
      step: "department",
      connection: { connected: true, apiKeyMasked: `••••••••${harness.sandbox.credentials.apiKey.slice(-4)}` },
      departments: expect.arrayContaining([{ id: "webshop", name: expect.any(String) }]),
      store: { privacyPolicyUrl: "https://example.com/privacy" },
    });

    await harness.act(action, PATH, {
      intent: "create-department",
      departmentId: "shopify",
      departmentName: "Shopify",
    });
    await harness.act(action, PATH, { intent: "finish", departmentId: "shopify", enable: "true" });
    await harness.load(loader, `${PATH}?step=connect`);

    // THEN neither the key nor its envelope appears in any response body or log line
    const key = harness.sandbox.credentials.apiKey;
    expect(harness.bodies.length).toBeGreaterThanOrEqual(6);
    for (const body of harness.bodies) {
      expect(body).not.toContain(key);
      expect(body).not.toContain(shop.dillerApiKey);
    }
    expect(output.text()).toContain("diller connection saved");
    expect(output.text()).toContain('"operationId":"requestAccessToken"');
    expect(output.text()).not.toContain(key);
    expect(output.text()).not.toContain(shop.dillerApiKey);
  });

  it("keeps the saved key when the form leaves it empty", async () => {
    await harness.act(action, PATH, { intent: "connect", ...sandboxFields() });
    const before = await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    const result = await harness.act(action, PATH, { intent: "test", ...sandboxFields({ apiKey: "" }) });
    expect(result.data).toMatchObject({ check: { ok: true } });
    const again = await harness.act(action, PATH, { intent: "connect", ...sandboxFields({ apiKey: "" }) });
    expect(again.status).toBe(302);
    const after = await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } });
    expect(harness.app.secrets.open(after.dillerApiKey ?? "")).toBe(
      harness.app.secrets.open(before.dillerApiKey ?? ""),
    );
  });

  it("asks for the department again when the connection moves to another store", async () => {
    // GIVEN a shop onboarded with the second sandbox store
    await harness.connectShop({
      dillerStoreId: SECOND_STORE_ID,
      dillerApiKey: harness.app.secrets.seal(SECOND_STORE_API_KEY),
    });
    // WHEN the merchant connects the demo store instead
    await harness.act(action, PATH, { intent: "connect", ...sandboxFields() });
    // THEN its department is forgotten and onboarding continues at the department step
    expect(await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      dillerStoreId: harness.sandbox.credentials.storeId,
      dillerDepartmentId: null,
      onboardedAt: null,
    });
    expect((await harness.load(loader, PATH)).data).toMatchObject({ step: "department" });
  });

  it("keeps the department when the same store is connected again", async () => {
    await harness.connectShop({ dillerDepartmentId: "bergen" });
    await harness.act(action, PATH, { intent: "connect", ...sandboxFields() });
    expect(await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      dillerDepartmentId: "bergen",
      onboardedAt: expect.any(Date),
    });
  });

  it("does not save a connection that fails the test", async () => {
    const result = await harness.act(action, PATH, { intent: "connect", ...sandboxFields({ apiKey: "wrong" }) });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "connect", check: { ok: false, problem: "wrong-credentials" } });
    expect(await harness.app.db.shop.findUnique({ where: { shop: TEST_SHOP } })).toMatchObject({ dillerApiKey: null });
  });

  it("creates a department in Diller and refuses a duplicate id", async () => {
    await harness.act(action, PATH, { intent: "connect", ...sandboxFields() });
    const created = await harness.act(action, PATH, {
      intent: "create-department",
      departmentId: "shopify-web",
      departmentName: "Shopify web shop",
    });
    expect(created.data).toMatchObject({ created: { id: "shopify-web", name: "Shopify web shop" } });
    const store = harness.sandbox.state.stores.find((entry) => entry.id === harness.sandbox.credentials.storeId);
    expect(store?.departments).toContainEqual({ id: "shopify-web", name: "Shopify web shop" });
    // The page lists it at once (the cached department list was dropped).
    const page = await harness.load(loader, `${PATH}?step=department`);
    expect(page.data.departments).toContainEqual({ id: "shopify-web", name: "Shopify web shop" });

    const duplicate = await harness.act(action, PATH, {
      intent: "create-department",
      departmentId: "webshop",
      departmentName: "Again",
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.data).toMatchObject({ errors: { departmentId: { key: "department.errors.taken" } } });

    const invalid = await harness.act(action, PATH, {
      intent: "create-department",
      departmentId: "has spaces",
      departmentName: "",
    });
    expect(invalid.data).toMatchObject({
      errors: { departmentId: { key: "department.errors.id" }, departmentName: { key: "department.errors.name" } },
    });
  });

  it("finishes: saves the department, switches the integration on, creates the metafield definitions", async () => {
    await harness.act(action, PATH, { intent: "connect", ...sandboxFields() });
    const unknown = await harness.act(action, PATH, { intent: "finish", departmentId: "nowhere", enable: "true" });
    expect(unknown.status).toBe(422);
    expect(unknown.data).toMatchObject({ errors: { departmentId: { key: "onboarding.errors.department" } } });

    const finished = await harness.act(action, PATH, { intent: "finish", departmentId: "bergen", enable: "true" });

    expect(finished.status).toBe(302);
    expect(finished.location).toMatch(/^\/app(\?|$)/);
    expect(await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      dillerDepartmentId: "bergen",
      integrationEnabled: true,
      onboardedAt: expect.any(Date),
      extensionSetupAt: expect.any(Date),
      timezone: "Europe/Oslo",
    });
    const definitions = adminApi.calls
      .filter((call) => call.operation === "DillerCreateMetafieldDefinition")
      .map((call) => call.variables.definition);
    expect(definitions).toEqual([
      expect.objectContaining({
        ownerType: "ORDER",
        namespace: "$app",
        key: "diller_consent",
        type: "json",
        capabilities: { cartToOrderCopyable: { enabled: true } },
      }),
      expect.objectContaining({ ownerType: "CUSTOMER", namespace: "$app", key: "diller_consent", type: "json" }),
    ]);
    expect(adminApi.invalid).toEqual([]);
    // Onboarding is done: the page now sends the merchant to the dashboard.
    const page = await harness.load(loader, PATH);
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/app\?/);
  });

  it("can finish without switching the integration on", async () => {
    await harness.act(action, PATH, { intent: "connect", ...sandboxFields() });
    await harness.act(action, PATH, { intent: "finish", departmentId: "", enable: "false" });
    expect(await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      integrationEnabled: false,
      dillerDepartmentId: null,
      onboardedAt: expect.any(Date),
    });
  });
});
