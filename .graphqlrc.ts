import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";
import type { IGraphQLConfig } from "graphql-config";

import { ADMIN_API_VERSION } from "./app/api-version";

// Offline codegen: the preset reads ./app/types/admin-<version>.schema.json when it exists, which
// `npm run graphql:schema` unpacks from the committed app/graphql/admin-<version>.schema.json.gz
// (Shopify's own Admin API introspection for that version), so no download is attempted.
const documents = ["./app/**/*.server.{ts,tsx}", "./app/**/*.graphql.ts"];

const admin = shopifyApiProject({
  apiType: ApiType.Admin,
  apiVersion: ADMIN_API_VERSION,
  documents,
  outputDir: "./app/types",
  enumsAsConst: true,
});

const config: IGraphQLConfig = {
  projects: {
    default: {
      ...admin,
      // Until the first #graphql operation lands, an empty document set is not an error.
      extensions: { ...admin.extensions, codegen: { ...admin.extensions?.codegen, ignoreNoDocuments: true } },
    },
  },
};

export default config;
