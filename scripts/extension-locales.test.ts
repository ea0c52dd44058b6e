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

function sourcesOf(extension: string): string {
  const files = readdirSync(join("extensions", extension, "src"), { recursive: true, encoding: "utf8" });
  return files
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => readFileSync(join("extensions", extension, "src", file), "utf8"))
    .join("\n");
}

// Keys built at runtime from contract values; the literal scan below cannot see them.
const DYNAMIC_KEYS: Record<string, string[]> = {
  "loyalty-checkout": ["used", "expired", "withdrawn", "refused"].map((reason) => `coupons.invalid.${reason}`),
  "loyalty-account-page": [
    ...["female", "male", "non_binary", "not_shared"].map((gender) => `form.genders.${gender}`),
    ...["purchase", "return", "cancellation"].map((kind) => `member.activity.${kind}`),
    ...["membership", "marketingEmail", "marketingSms", "keepOrderHistory"].map((key) => `form.consents.${key}`),
  ],
  "loyalty-account-blocks": ["order.booked", "order.bookedUnknown", "order.pending", "order.pendingUnknown"],
};

test.each(extensions)("every translation key %s's code uses exists in English", (extension) => {
  const english = load(extension, "en.default");
  const leaves = new Set(keysOf(english));
  const sections = new Set(Object.keys(Object(english)));
  const literals = [...sourcesOf(extension).matchAll(/"([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)"/g)]
    .map((match) => match[1] ?? "")
    .filter((key) => sections.has(key.split(".")[0] ?? ""));
  const used = [...new Set([...literals, ...(DYNAMIC_KEYS[extension] ?? [])])];
  expect(used.length).toBeGreaterThan(5);
  expect(used.filter((key) => !leaves.has(key))).toEqual([]);
});
