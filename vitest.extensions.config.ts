import { defineConfig } from "vitest/config";

/**
 * The UI extensions' tests: jsdom, Preact JSX, one isolated environment per file (the tester installs a
 * `shopify` global per file). Separate from vitest.config.ts, whose tests run in node against databases.
 * `npm test` runs both.
 */
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  test: {
    include: ["extensions/*/tests/**/*.test.{ts,tsx}", "packages/extension-kit/**/*.test.ts"],
    environment: "jsdom",
    setupFiles: ["tests/setup/network-guard.ts", "tests/setup/console-guard.ts"],
    isolate: true,
    pool: "forks",
    restoreMocks: true,
    // The tester imports the extension module itself; inlining it lets Vite transform that .tsx import.
    server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
  },
});
