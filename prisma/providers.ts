import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import type { DatabaseProvider } from "../app/env.server";

/** Where each provider's schema and migrations live (the PostgreSQL schema is derived, see scripts/db.ts). */
export const schemaPaths: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
};

/** Driver adapter for Prisma's JS schema engine (migrate deploy / status / diff). */
export async function migrationAdapterFor(url: string) {
  if (url.startsWith("file:")) return new MigrationPrismaLibSQL({ url });
  return new MigrationPrismaPg(url);
}

// Prisma's Wasm schema engine introspects pg_catalog columns of the internal types `name` and
// `"char"`, which @prisma/adapter-pg 6.19 refuses to decode ("Column type 'name' could not be
// deserialized", https://github.com/prisma/orm/issues/27403). Both arrive as text on the wire, so
// reporting them as text is exact. Used for migrations only; the app's tables use neither type.
const PG_TEXTUAL_INTERNAL_OIDS = new Set([18 /* "char" */, 19 /* name */]);
const PG_TEXT_OID = 25;

type FieldsResult = { fields?: { dataTypeID: number }[] };

function reportNameAsText<T>(result: T): T {
  for (const part of Array.isArray(result) ? result : [result]) {
    const fields = (part as FieldsResult | undefined)?.fields ?? [];
    for (const field of fields) if (PG_TEXTUAL_INTERNAL_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

type LooseFunction = (...args: unknown[]) => unknown;

function isPromise(value: unknown): value is Promise<unknown> {
  return value instanceof Promise;
}

/** A pg.Pool whose promise-style query results report internal textual types as text. */
function nameAsTextPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  const query = pool.query.bind(pool) as LooseFunction;
  const connect = pool.connect.bind(pool) as LooseFunction;
  const wrapClient = (client: pg.PoolClient) => {
    const clientQuery = client.query.bind(client) as LooseFunction;
    return Object.assign(client, { query: (...args: unknown[]) => wrapResult(clientQuery(...args)) });
  };
  const wrapResult = (result: unknown) => (isPromise(result) ? result.then(reportNameAsText) : result);
  return Object.assign(pool, {
    query: (...args: unknown[]) => wrapResult(query(...args)),
    // pg.Pool#query itself uses the callback form of connect(); that one passes through untouched.
    connect: (...args: unknown[]) =>
      args.length > 0 ? connect(...args) : (connect() as Promise<pg.PoolClient>).then(wrapClient),
  });
}

/** PrismaPg whose main and shadow databases both go through nameAsTextPool. */
class MigrationPrismaPg extends PrismaPg {
  constructor(private readonly url: string) {
    super(nameAsTextPool(url));
  }

  override async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${name}`;
    const pool = nameAsTextPool(shadowUrl.toString());
    const adapter = await new PrismaPg(pool).connect();
    const dispose = adapter.dispose.bind(adapter);
    return Object.assign(adapter, {
      dispose: async () => {
        await dispose();
        await pool.end();
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        await admin.end();
      },
    });
  }
}

/**
 * PrismaLibSQL with a shadow database that applies whole migration scripts. Prisma's schema engine
 * replays each migration on the shadow database with a single `executeRaw`, and libSQL's `execute`
 * runs only the first statement of a script, so `migrate diff --from-migrations` saw every table
 * after the first as missing. Argument-less raw statements therefore go through `executeScript`.
 */
class MigrationPrismaLibSQL extends PrismaLibSQL {
  override async connectToShadowDb() {
    const file = join(tmpdir(), `prisma-shadow-${randomUUID()}.sqlite`);
    const adapter = await new PrismaLibSQL({ url: `file:${file}` }).connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    const dispose = adapter.dispose.bind(adapter);
    return Object.assign(adapter, {
      executeRaw: async (query: Parameters<typeof executeRaw>[0]) => {
        if (query.args.length > 0) return executeRaw(query);
        await adapter.executeScript(query.sql);
        return 0;
      },
      dispose: async () => {
        await dispose();
        await rm(file, { force: true });
      },
    });
  }
}
