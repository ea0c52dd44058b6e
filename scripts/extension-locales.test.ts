/**
 * Every extension speaks English, Norwegian bokmål, Swedish and Danish: each locale file has exactly
 * the keys of en.default.json, and every error code of the storefront contract has a text.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, test } from "vitest";

import { FIELD_ERROR_CODES, STOREFRONT_ERROR_CODES } from "../packages/extension-kit/errors";

const LOCALES = ["en.default", "nb", "sv", "da"];
const extensions = readdirSync("extensions").filter((name) =>
  readdirSync(join("extensions", name)).includes("locales"),
);

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function valueAt(tree: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (typeof node === "object" && node !== null ? Object(node)[part] : undefined),
      tree,
    );
}

function load(extension: string, locale: string): unknown {
  return JSON.parse(readFileSync(join("extensions", extension, "locales", `${locale}.json`), "utf8"));
}

describe.each(extensions)("%s locales", (extension) => {
  const english = keysOf(load(extension, "en.default")).sort();

  test("has exactly the four languages", () => {
    expect(readdirSync(join("extensions", extension, "locales")).sort()).toEqual(
      LOCALES.map((locale) => `${locale}.json`).sort(),
    );
  });

  test.each(LOCALES.slice(1))("%s has exactly the keys of en.default.json, none empty", (locale) => {
    const translated = load(extension, locale);
    expect(keysOf(translated).sort()).toEqual(english);
    const empty = keysOf(translated).filter((key) => {
      const value = valueAt(translated, key);
      return typeof value !== "string" || value.trim() === "";
    });
    expect(empty).toEqual([]);
  });

  test("placeholders match English in every language", () => {
    const english = load(extension, "en.default");
    const placeholders = (tree: unknown, key: string) =>
      [...String(valueAt(tree, key)).matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();
    for (const locale of LOCALES.slice(1)) {
      const translated = load(extension, locale);
      for (const key of keysOf(english))
        expect([locale, key, placeholders(translated, key)]).toEqual([locale, key, placeholders(english, key)]);
    }
  });
});

// The account blocks show no errors (they stay quiet when the app cannot answer).
test.each(["loyalty-checkout", "loyalty-account-page"])("%s translates every storefront error code", (extension) => {
  const keys = new Set(keysOf(load(extension, "en.default")));
  expect(STOREFRONT_ERROR_CODES.map((code) => `errors.${code}`).filter((key) => !keys.has(key))).toEqual([]);
});

test("the account page translates every field error code", () => {
  const keys = new Set(keysOf(load("loyalty-account-page", "en.default")));
  expect(FIELD_ERROR_CODES.map((code) => `fieldErrors.${code}`).filter((key) => !keys.has(key))).toEqual([]);
});
