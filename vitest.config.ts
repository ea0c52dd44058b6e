import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/**
 * `npm test`: everything that runs with Node and npm alone. The real-browser check needs a Chromium
 * binary from the system, so it has its own config (vitest.browser.config.ts, `npm run test:browser`)
 * that `npm run validate` and CI run.
 */
export const testSetup = {
  environment: "node",
  globalSetup: ["tests/setup/database.global.ts"],
  setupFiles: [
    "tests/setup/env.ts",
    "tests/setup/network-guard.ts",
    "tests/setup/console-guard.ts",
    "tests/setup/database.ts",
  ],
  pool: "forks" as const,
  testTimeout: 20_000,
  hookTimeout: 60_000,
  restoreMocks: true,
};

export const BROWSER_TESTS = "tests/browser/**/*.test.{ts,tsx}";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    ...testSetup,
    include: [
      "app/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "packages/diller-sandbox/**/*.test.ts",
      "tests/**/*.test.{ts,tsx}",
    ],
    exclude: ["**/node_modules/**", BROWSER_TESTS],
  },
});
