import { defineConfig } from "prisma/config";

import { databaseProviderOf } from "./app/env.server";
import { migrationAdapterFor, schemaPaths } from "./prisma/providers";

/**
 * One config for both databases: DATABASE_URL picks SQLite (file:) or PostgreSQL. Migrations run
 * on Prisma's bundled Wasm schema engine through a driver adapter (`engine: "js"`), because the
 * native engine binaries cannot be downloaded here. See docs/decisions/003-prisma-driver-adapters.md.
 */
const url = process.env.DATABASE_URL || "file:./prisma/dev.sqlite";
const provider = databaseProviderOf(url) ?? "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPaths[provider].schema,
  migrations: { path: schemaPaths[provider].migrations },
  adapter: () => migrationAdapterFor(url),
});
