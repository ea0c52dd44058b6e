import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startAdminHarness, type AdminHarness } from "~/admin/testing/admin-harness";
import { installFakeAdminApi, type FakeAdminApi } from "../../../tests/shopify-admin-fake";
import { TEST_SHOP } from "../../../tests/shopify";

import { action, loader } from "./route";

const OSLO = "61000000001";
const BERGEN = "61000000002";
const OTHER_SHOP = "other-shop.myshopify.com";

let harness: AdminHarness;
let adminApi: FakeAdminApi;
let locationsAnswer: () => unknown;

beforeAll(async () => {
  harness = await startAdminHarness();
  adminApi = installFakeAdminApi({ DillerLocations: () => locationsAnswer() });
});
afterAll(async () => {
  adminApi.uninstall();
  await harness.stop();
  expect(adminApi.invalid).toEqual([]);
});
beforeEach(async () => {
  await harness.reset();
  await harness.app.db.locationDepartment.deleteMany({});
  locationsAnswer = () => ({
    locations: {
      nodes: [
        { legacyResourceId: BERGEN, name: "Bergen Storsenter", isActive: true },
        { legacyResourceId: OSLO, name: "Oslo City", isActive: true },
        { legacyResourceId: "61000000009", name: "Closed warehouse", isActive: false },
      ],
    },
  });
});

const saved = (shop = TEST_SHOP) =>
  harness.app.db.locationDepartment
    .findMany({ where: { shop }, orderBy: { locationId: "asc" } })
    .then((rows) => rows.map((row) => [row.locationId, row.departmentId]));

describe("settings: POS registers", () => {
  it("lists the shop's active locations with the department saved for each ('' = default)", async () => {
    await harness.connectShop();
    await harness.app.db.locationDepartment.create({
      data: { shop: TEST_SHOP, locationId: BERGEN, departmentId: "bergen" },
    });
    const page = await harness.load(loader, "/app/settings");
    expect(page.data.posRegisters).toEqual([
      { locationId: BERGEN, name: "Bergen Storsenter", departmentId: "bergen" },
      { locationId: OSLO, name: "Oslo City", departmentId: "" },
    ]);
    expect(page.data.values.departmentId).toBe("webshop");
  });

  it("still shows the page when Shopify's locations cannot be read (read_locations not granted yet)", async () => {
    await harness.connectShop();
    locationsAnswer = () => null;
    const page = await harness.load(loader, "/app/settings");
    expect(page.data).toMatchObject({ posRegisters: null, values: { departmentId: "webshop" } });
  });

  it("saves a department per location, and 'default' removes the location's own", async () => {
    await harness.connectShop();
    await harness.app.db.locationDepartment.createMany({
      data: [
        { shop: TEST_SHOP, locationId: BERGEN, departmentId: "oslo-city" },
        { shop: OTHER_SHOP, locationId: OSLO, departmentId: "bergen" },
      ],
    });
    const result = await harness.act(action, "/app/settings", {
      intent: "save-pos-departments",
      [`location.${OSLO}`]: "oslo-city",
      [`location.${BERGEN}`]: "",
    });
    expect(result).toMatchObject({ status: 200, data: { intent: "save-pos-departments", saved: true } });
    expect(await saved()).toEqual([[OSLO, "oslo-city"]]);
    // Another shop's mapping of the same location is untouched.
    expect(await saved(OTHER_SHOP)).toEqual([[OSLO, "bergen"]]);
    // The other settings are not touched by this save.
    expect(await harness.app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } })).toMatchObject({
      dillerDepartmentId: "webshop",
    });
  });

  it.each([
    ["a department Diller does not have", "atlantis", "settings.errors.department"],
    ["a malformed department id", "no spaces!", "settings.errors.department"],
  ])("answers 422 with the message next to the location for %s, and saves nothing", async (_case, value, key) => {
    await harness.connectShop();
    const result = await harness.act(action, "/app/settings", {
      intent: "save-pos-departments",
      [`location.${OSLO}`]: "oslo-city",
      [`location.${BERGEN}`]: value,
    });
    expect(result.status).toBe(422);
    expect(result.data).toEqual({ intent: "save-pos-departments", errors: { [`location.${BERGEN}`]: { key } } });
    expect(await saved()).toEqual([]);
  });

  it("refuses a location id that is not a Shopify id", async () => {
    await harness.connectShop();
    const result = await harness.act(action, "/app/settings", {
      intent: "save-pos-departments",
      "location.gid://shopify/Location/1": "bergen",
    });
    expect(result.data).toMatchObject({
      errors: { "location.gid://shopify/Location/1": { key: "form.errors.invalid" } },
    });
    expect(await saved()).toEqual([]);
  });

  it("refuses a new department it cannot check while Diller is down, but keeps the saved one", async () => {
    await harness.connectShop({ dillerBaseUrl: "http://127.0.0.1:9" });
    await harness.app.db.locationDepartment.create({
      data: { shop: TEST_SHOP, locationId: BERGEN, departmentId: "bergen" },
    });
    const changed = await harness.act(action, "/app/settings", {
      intent: "save-pos-departments",
      [`location.${BERGEN}`]: "oslo-city",
    });
    expect(changed.data).toMatchObject({
      errors: { [`location.${BERGEN}`]: { key: "settings.errors.departmentUnverifiable" } },
    });
    const kept = await harness.act(action, "/app/settings", {
      intent: "save-pos-departments",
      [`location.${BERGEN}`]: "bergen",
    });
    expect(kept.data).toEqual({ intent: "save-pos-departments", saved: true });
    expect(await saved()).toEqual([[BERGEN, "bergen"]]);
  });
});
