import { readFileSync } from "node:fs";

import { describe, expect, test } from "vitest";

import { APP_URL_FILE, renderAppUrlModule, resolveAppUrl } from "./extension-app-url";

const toml = 'application_url = "https://loyalty.example.com/"\n';

describe("the extensions' app URL", () => {
  test.each([
    ["shopify.app.toml when SHOPIFY_APP_URL is unset", {}, "https://loyalty.example.com"],
    [
      "SHOPIFY_APP_URL first (a dev tunnel)",
      { SHOPIFY_APP_URL: "https://abc.trycloudflare.com/x" },
      "https://abc.trycloudflare.com",
    ],
    ["localhost over http for local tools", { SHOPIFY_APP_URL: "http://localhost:3000" }, "http://localhost:3000"],
  ])("comes from %s", (_name, env, expected) => {
    expect(resolveAppUrl(env, toml)).toBe(expected);
  });

  test("refuses a plain-http public URL: Shopify pages are https and would block it", () => {
    expect(() => resolveAppUrl({ SHOPIFY_APP_URL: "http://loyalty.example.com" }, toml)).toThrow(/https/);
  });

  test("the committed module matches shopify.app.toml", () => {
    const expected = renderAppUrlModule(resolveAppUrl({}, readFileSync("shopify.app.toml", "utf8")));
    expect(readFileSync(APP_URL_FILE, "utf8")).toBe(expected);
  });
});
