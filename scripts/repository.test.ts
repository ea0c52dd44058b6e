/**
 * The repository stands alone and its words match its files: every file a README, a doc or the app
 * TOML points at exists, nothing points outside the repository, and build-time packages stay out
 * of the production dependency tree.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

import { describe, expect, it } from "vitest";

import packageJson from "../package.json";

const tracked = execFileSync("git", ["ls-files"], { encoding: "utf8" }).split("\n").filter(Boolean);
const docs = tracked.filter((file) => file === "README.md" || /^(docs|packages|app)\/.*\.md$/.test(file));

describe("the repository", () => {
  it("has no reference to a path outside it", () => {
    // An absolute path of a development machine, a code file whose relative path climbs out of the
    // repository (`../shared/hooks` inside an extension's src/ is fine), or a doc naming the workspace's
    // shared folder (docs show imports "relative to your file", so only that folder is checked there).
    const machinePath = new RegExp(["/wo", "rk/"].join(""));
    const sharedFolder = new RegExp(["\\.\\./sha", "red/(diller|docs|shopify)\\b"].join(""));
    const climbsOut = (file: string, text: string) =>
      [...text.matchAll(/(?:\.\.\/)+[\w.-]+/g)].some(([relative]) =>
        normalize(join(dirname(file), relative)).startsWith(".."),
      );
    const offenders = tracked
      .filter((file) => /\.(ts|tsx|js|mjs|md|toml|json|yaml|yml)$/.test(file) && !file.endsWith("package-lock.json"))
      .filter((file) => {
        if (!existsSync(file)) return false;
        const text = readFileSync(file, "utf8");
        if (machinePath.test(text)) return true;
        return file.endsWith(".md") ? sharedFolder.test(text) : climbsOut(file, text);
      });
    expect(offenders).toEqual([]);
  });

  it("has every local file that a README or doc links to", () => {
    const missing: string[] = [];
    for (const doc of docs) {
      for (const [, target = ""] of readFileSync(doc, "utf8").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const path = normalize(join(dirname(doc), target));
        if (!existsSync(path)) missing.push(`${doc} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has every file that shopify.app.toml names", () => {
    const toml = readFileSync("shopify.app.toml", "utf8");
    const named = [...toml.matchAll(/\b((?:app|tests|scripts|extensions)\/[\w./$-]+\.(?:tsx?|ts))\b/g)].map(
      (m) => m[1],
    );
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => file && !existsSync(file))).toEqual([]);
  });

  it("keeps build-time packages out of the production dependencies", () => {
    const buildOnly = Object.keys(packageJson.dependencies).filter((name) => {
      const manifest = JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8")) as {
        peerDependencies?: Record<string, string>;
      };
      return name === "@remix-run/dev" || "@remix-run/dev" in (manifest.peerDependencies ?? {});
    });
    expect(buildOnly).toEqual([]);
  });

  it("serves static assets from public/", () => {
    expect(existsSync("public/favicon.ico")).toBe(true);
    expect(readFileSync("server.mjs", "utf8")).toContain('express.static("public"');
  });
});
