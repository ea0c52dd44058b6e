/** Unpacks the committed Admin GraphQL introspection where the codegen preset looks for it. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

import { ADMIN_API_VERSION } from "../app/api-version";

const source = `app/graphql/admin-${ADMIN_API_VERSION}.schema.json.gz`;
const target = `app/types/admin-${ADMIN_API_VERSION}.schema.json`;

let compressed: Buffer;
try {
  compressed = readFileSync(source);
} catch {
  console.error(
    `${source} is missing: add Shopify's introspection for API ${ADMIN_API_VERSION} (see docs/decisions/001-admin-api-version.md)`,
  );
  process.exit(1);
}
mkdirSync("app/types", { recursive: true });
writeFileSync(target, gunzipSync(compressed));
console.log(`unpacked ${source} → ${target}`);
