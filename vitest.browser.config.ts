import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

import { BROWSER_TESTS, testSetup } from "./vitest.config";

/** `npm run test:browser`: the admin in a real Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: { ...testSetup, include: [BROWSER_TESTS] },
});
