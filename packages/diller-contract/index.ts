/**
 * The Diller Retailer API v2.0 contract in one place: `openapi.yaml` (vendored) and `openapi.d.ts`
 * (generated from it by `npm run diller:types`). The app's client takes its types from here; the
 * sandbox also reads the YAML at run time to validate every request and response.
 */
import { fileURLToPath } from "node:url";

export type { components, operations, paths } from "./openapi";

export const DILLER_OPENAPI_PATH = fileURLToPath(new URL("./openapi.yaml", import.meta.url));
