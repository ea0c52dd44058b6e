/**
 * Throw-away databases for benchmark and chaos runs: a temporary SQLite file, or a PostgreSQL
 * database `diller_<purpose>_*` created on BENCH_POSTGRES_URL's server and dropped (FORCE) at the end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";

import type { DatabaseProvider } from "../../app/env.server";
import { prismaEnv } from "../../scripts/db-tools";

export const POSTGRES_SERVER_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  provider: DatabaseProvider;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(provider: DatabaseProvider, purpose: string): Promise<BenchDatabase> {
  let database: BenchDatabase;
  if (provider === "postgresql") {
    const name = `diller_${purpose}_${Date.now().toString(36)}_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(POSTGRES_SERVER_URL);
    url.pathname = `/${name}`;
    database = {
      provider,
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await client.end();
      },
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), `diller-${purpose}-`));
    database = {
      provider,
      url: `file:${join(dir, "app.sqlite")}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const migrated = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    env: prismaEnv(database.url),
    encoding: "utf8",
  });
  if (migrated.status !== 0) {
    await database.drop();
    throw new Error(`migrating the ${provider} database failed:\n${migrated.stdout}\n${migrated.stderr}`);
  }
  return database;
}

/** Whether the PostgreSQL server answers (the run reports PostgreSQL as skipped when it does not). */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
