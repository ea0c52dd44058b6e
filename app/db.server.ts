import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient as PostgresClient } from "../prisma/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../prisma/generated/sqlite/client";
import { databaseProviderOf, getEnv } from "./env.server";

export type {
  Backfill,
  CheckoutCouponCode,
  ComplianceExport,
  CustomerLink,
  LocalJob,
  OrderSync,
  Prisma,
  Session,
  Shop,
  SyncActivity,
  WebhookEvent,
} from "../prisma/generated/sqlite/client";
export * from "../prisma/generated/sqlite/enums";

/**
 * The app's Prisma client type. The SQLite and PostgreSQL clients are generated from the same
 * models (prisma/postgresql/schema.prisma is derived from prisma/schema.prisma), so they expose the
 * same API; code is written against this one type and must stay provider-neutral.
 */
export type Database = SqliteClient;

/** How long an SQLite writer waits for another process's lock (CLI, worker) before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** Builds a Prisma client on the driver adapter that the URL calls for. */
export function createDatabase(url: string): Database {
  const provider = databaseProviderOf(url);
  if (provider === "sqlite") {
    const client = new SqliteClient({ adapter: new PrismaLibSQL({ url }) });
    // WAL lets readers proceed while one process writes. Queued before any other query; both are
    // tuning only, so a failure (e.g. a read-only file) is left to surface on the real queries.
    const ignore = () => {};
    client.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).catch(ignore);
    client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(ignore);
    // In WAL mode NORMAL syncs at checkpoints, not every commit: a killed process loses nothing
    // committed; only a power cut could lose the last moments. Several times faster writes.
    client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(ignore);
    return client;
  }
  if (provider === "postgresql") {
    // Same models and delegates; TypeScript only objects that PostgreSQL offers more transaction
    // isolation levels than SQLite, and the app never passes one. See the type comment above.
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Database;
  }
  throw new Error("DATABASE_URL must start with file: or postgresql://");
}

declare global {
  // Vite's dev server re-evaluates modules on change; keep one pool per process.
  var __dillerDatabase: Database | undefined;
}

/** The process-wide client for DATABASE_URL. */
export function getDatabase(): Database {
  return (globalThis.__dillerDatabase ??= createDatabase(getEnv().DATABASE_URL));
}

export async function disconnectDatabase() {
  const current = globalThis.__dillerDatabase;
  globalThis.__dillerDatabase = undefined;
  await current?.$disconnect();
}

/** A unique constraint rejected the write (Prisma P2002), on either provider. */
export function isUniqueConstraintError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
