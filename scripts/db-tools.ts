import { resolve } from "node:path";

import pg from "pg";

export const DEFAULT_SQLITE_URL = "file:./prisma/dev.sqlite";

/**
 * Environment for Prisma CLI runs. The placeholder engine paths stop the CLI from trying to
 * download native engines (there is no internet here, and the project uses the Wasm engines).
 */
export function prismaEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const placeholder = resolve("prisma/no-native-engine");
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
}

/** Creates the database named in a PostgreSQL URL when it does not exist yet. */
export async function createPostgresDatabase(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error("the PostgreSQL URL names no database");
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
