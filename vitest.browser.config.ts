import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

import { BROWSER_TESTS, testSetup } from "./vitest.config";

/**
 * `npm run test:browser`: the production build (built once, tests/browser/build.global.ts) served by
 * server.mjs: the admin in a real Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and the
 * server's own defences over plain HTTP.
 */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    ...testSetup,
    globalSetup: [...testSetup.globalSetup, "tests/browser/build.global.ts"],
    include: [BROWSER_TESTS],
  },
});
