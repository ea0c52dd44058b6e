/**
 * `npm ci && npm test` must pass on a machine with only Node and npm: no test that `npm test` runs
 * may need a system package (a Chromium binary). The browser check runs as `npm run test:browser`,
 * from `npm run validate` and CI, which install Chromium.
 */
import { globSync, readFileSync } from "node:fs";
import { matchesGlob } from "node:path";

import { describe, expect, it } from "vitest";

import browserConfig from "../vitest.browser.config";
import defaultConfig from "../vitest.config";
import extensionsConfig from "../vitest.extensions.config";
import packageJson from "../package.json";

function testFilesOf(config: { test?: { include?: string[]; exclude?: string[] } }): string[] {
  const exclude = config.test?.exclude ?? ["**/node_modules/**"];
  return globSync(config.test?.include ?? [], {
    exclude: (path) => exclude.some((pattern) => matchesGlob(String(path), pattern)),
  })
    .filter((file) => !exclude.some((pattern) => matchesGlob(file, pattern)))
    .sort();
}

// A browser driver import means a browser binary at run time.
const needsBrowser = (file: string) => /from ["']playwright|from ["']puppeteer/.test(readFileSync(file, "utf8"));

describe("test commands", () => {
  it("npm test runs no test that needs a system browser", () => {
    expect(packageJson.scripts.test).toBe("vitest run && vitest run -c vitest.extensions.config.ts");
    const files = testFilesOf(defaultConfig);
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter(needsBrowser)).toEqual([]);
    const extensionFiles = testFilesOf(extensionsConfig);
    expect(extensionFiles.length).toBeGreaterThan(5);
    expect(extensionFiles.filter(needsBrowser)).toEqual([]);
  });

  it("npm run test:browser runs the browser check, and validate and CI run it", () => {
    expect(packageJson.scripts["test:browser"]).toContain("vitest.browser.config.ts");
    expect(testFilesOf(browserConfig)).toContain("tests/browser/admin.test.ts");
    expect(readFileSync("scripts/validate.ts", "utf8")).toContain('["run", "test:browser"]');
    expect(readFileSync(".ci/run", "utf8")).toMatch(/npm run validate/);
  });
});
