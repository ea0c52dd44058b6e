import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { measureExtensions } from "./extension-bundle-size";

let root: string;

function extension(handle: string, target: string, bundle: Buffer) {
  const dir = join(root, handle);
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(
    join(dir, "shopify.extension.toml"),
    `api_version = "2026-07"\n[[extensions]]\nname = "x"\nhandle = "${handle}"\ntype = "ui_extension"\n[[extensions.targeting]]\nmodule = "./src/X.tsx"\ntarget = "${target}"\n`,
  );
  writeFileSync(join(dir, "dist", `${handle}.js`), bundle);
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("measureExtensions", () => {
  it("measures deflate size against the 64 KB and 128 KB (full page) limits", () => {
    root = mkdtempSync(join(tmpdir(), "ext-size-"));
    const incompressible = randomBytes(80 * 1024);
    extension("checkout-big", "purchase.checkout.block.render", incompressible);
    extension("page-big", "customer-account.page.render", incompressible);
    extension("small", "purchase.checkout.block.render", Buffer.from("x".repeat(200_000)));

    const sizes = Object.fromEntries(measureExtensions(root).map((size) => [size.extension, size]));

    expect(sizes["checkout-big"]?.limitBytes).toBe(64 * 1024);
    expect(sizes["checkout-big"]?.deflateBytes).toBeGreaterThan(64 * 1024);
    expect(sizes["page-big"]?.limitBytes).toBe(128 * 1024);
    expect(sizes["page-big"]?.deflateBytes).toBeLessThan(128 * 1024);
    // 200 KB of repeated text deflates to well under a kilobyte
    expect(sizes.small?.rawBytes).toBe(200_000);
    expect(sizes.small?.deflateBytes).toBeLessThan(1024);
  });

  it("fails loudly when an extension was not built", () => {
    root = mkdtempSync(join(tmpdir(), "ext-size-"));
    extension("unbuilt", "purchase.checkout.block.render", Buffer.from(""));
    rmSync(join(root, "unbuilt", "dist"), { recursive: true });
    expect(() => measureExtensions(root)).toThrow(/run `shopify app build` first/);
  });
});
