/**
 * Measures every built UI extension bundle the way Shopify's backend does (zlib deflate) and fails
 * above the platform limit: 64 KB, or 128 KB for full-page customer-account extensions. Shopify only
 * enforces this at deploy time; CI enforces it on every change. Run after `shopify app build`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, deflateSync } from "node:zlib";

import { parse } from "smol-toml";
import { z } from "zod";

const KB = 1024;
const DEFAULT_LIMIT = 64 * KB;
const FULL_PAGE_LIMIT = 128 * KB;
const FULL_PAGE_TARGETS = new Set(["customer-account.page.render", "customer-account.order.page.render"]);

const ExtensionToml = z.object({
  extensions: z.array(
    z.object({
      handle: z.string(),
      type: z.string(),
      targeting: z.array(z.object({ target: z.string() })).default([]),
    }),
  ),
});

export interface BundleSize {
  extension: string;
  file: string;
  rawBytes: number;
  deflateBytes: number;
  brotliBytes: number;
  limitBytes: number;
}

export function measureBundle(contents: Buffer) {
  return {
    rawBytes: contents.byteLength,
    deflateBytes: deflateSync(contents).byteLength,
    brotliBytes: brotliCompressSync(contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

export function measureExtensions(root = "extensions"): BundleSize[] {
  const sizes: BundleSize[] = [];
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const tomlPath = join(dir, "shopify.extension.toml");
    if (!existsSync(tomlPath)) continue;
    const toml = ExtensionToml.parse(parse(readFileSync(tomlPath, "utf8")));
    for (const extension of toml.extensions.filter(({ type }) => type === "ui_extension")) {
      const file = join(dir, "dist", `${extension.handle}.js`);
      if (!existsSync(file)) throw new Error(`${file} is missing: run \`shopify app build\` first`);
      const fullPage = extension.targeting.some(({ target }) => FULL_PAGE_TARGETS.has(target));
      sizes.push({
        extension: extension.handle,
        file,
        ...measureBundle(readFileSync(file)),
        limitBytes: fullPage ? FULL_PAGE_LIMIT : DEFAULT_LIMIT,
      });
    }
  }
  return sizes;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = measureExtensions();
  if (sizes.length === 0) {
    console.error("no UI extensions found under extensions/");
    process.exit(1);
  }
  console.log("extension                 raw        deflate    brotli     limit      status");
  for (const size of sizes) {
    const ok = size.deflateBytes <= size.limitBytes;
    console.log(
      [
        size.extension.padEnd(24),
        kb(size.rawBytes).padEnd(10),
        kb(size.deflateBytes).padEnd(10),
        kb(size.brotliBytes).padEnd(10),
        kb(size.limitBytes).padEnd(10),
        ok ? "ok" : "TOO LARGE",
      ].join(" "),
    );
  }
  const over = sizes.filter((size) => size.deflateBytes > size.limitBytes);
  if (over.length > 0) {
    console.error(`${over.map((size) => size.extension).join(", ")} exceed the compressed bundle limit`);
    process.exit(1);
  }
}
