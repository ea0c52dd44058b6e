import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const depcruise = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const fixtures: string[] = [];

/** Runs `npm run check:layers`'s command on a tree; returns its exit status and the broken rules it prints. */
function checkLayers(cwd: string) {
  const result = spawnSync(
    process.execPath,
    [depcruise, "app", "packages", "--config", ".dependency-cruiser.cjs", "--output-type", "err"],
    { cwd, encoding: "utf8" },
  );
  const violations = [...result.stdout.matchAll(/^\s*error (\S+): (.*?)\s*$/gm)].map(
    ([, rule, where]) => `${rule}: ${where}`,
  );
  return { status: result.status, violations: violations.sort() };
}

/** A throwaway app tree with the project's own config and path alias. */
function fixtureTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "layers-"));
  fixtures.push(dir);
  copyFileSync(join(root, ".dependency-cruiser.cjs"), join(dir, ".dependency-cruiser.cjs"));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "~/*": ["./app/*"] } } }),
  );
  mkdirSync(join(dir, "packages"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

afterAll(() => {
  for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
});

describe("npm run check:layers", () => {
  it("fails on a folder cycle even when each import is allowed by the layers", () => {
    const result = checkLayers(
      fixtureTree({
        "app/loyalty/points.ts": 'import { tag } from "~/shopify/tags";\nexport const points = tag;\n',
        "app/shopify/tags.ts": 'export const tag = "member";\n',
        "app/shopify/member.ts": 'import { points } from "~/loyalty/points";\nexport const member = points;\n',
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.violations).toEqual(["no-folder-cycles: app/loyalty →", "no-folder-cycles: app/shopify →"]);
  });

  it("fails when a layer imports one above it, and lets tests import anything", () => {
    const result = checkLayers(
      fixtureTree({
        "app/lib/round.ts": 'import { job } from "~/sync/job";\nexport const round = job;\n',
        "app/sync/job.ts": 'export const job = "order-sync";\n',
        "app/shopify/gateway.ts": 'import { receive } from "~/webhooks/receive";\nexport const gateway = receive;\n',
        "app/webhooks/receive.ts": 'export const receive = "receive";\n',
        "app/shopify/gateway.test.ts": 'import { receive } from "~/webhooks/receive";\nexport const seen = receive;\n',
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.violations).toEqual([
      "base-stays-at-the-bottom: app/lib/round.ts → app/sync/job.ts",
      "domain-stays-below-sync: app/shopify/gateway.ts → app/webhooks/receive.ts",
      "lib-imports-nothing-from-app: app/lib/round.ts → app/sync/job.ts",
    ]);
  });

  it("passes on the app as it is", () => {
    expect(checkLayers(root)).toEqual({ status: 0, violations: [] });
  });
});
