import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "sandbox/**/*.test.ts", "tests/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["tests/setup/database.global.ts"],
    setupFiles: ["tests/setup/env.ts", "tests/setup/network-guard.ts", "tests/setup/database.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
