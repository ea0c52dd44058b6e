import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient as PostgresClient } from "../prisma/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../prisma/generated/sqlite/client";
import { keepConnection } from "./direct-sql.server";
import { databaseProviderOf, getEnv } from "./env.server";

export type {
  AccountOtp,
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
export {
  describeStatement,
  directSqlOf,
  insertRow,
  observeDirectSql,
  modelRowsOf,
  newRowId,
  updateRows,
  type DirectSql,
  type DirectSqlArg,
} from "./direct-sql.server";

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
    const adapter = new PrismaLibSQL({ url });
    const client = new SqliteClient({ adapter });
    keepConnection(client, adapter, "sqlite");
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
    const adapter = new PrismaPg({ connectionString: url });
    const client = new PostgresClient({ adapter }) as unknown as Database;
    keepConnection(client, adapter, "postgres");
    return client;
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

/** A unique constraint rejected the write (Prisma P2002, or the driver adapter's error for a direct statement), on either provider. */
export function isUniqueConstraintError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ("code" in error && error.code === "P2002") return true;
  const cause = "cause" in error ? error.cause : undefined;
  return (
    error instanceof Error &&
    error.name === "DriverAdapterError" &&
    typeof cause === "object" &&
    cause !== null &&
    "kind" in cause &&
    cause.kind === "UniqueConstraintViolation"
  );
}

const DATA_ERROR_CODES = new Set(["P2000", "P2005", "P2006", "P2007", "P2019", "P2020", "P2023"]);

/**
 * A write that failed because of the data itself (a NUL byte, an unpaired surrogate, a value too
 * long or out of range), not because the database is unavailable: repeating it cannot succeed.
 */
export function isDataError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ("code" in error && typeof error.code === "string" && DATA_ERROR_CODES.has(error.code)) return true;
  const cause = "cause" in error ? error.cause : undefined;
  if (typeof cause === "object" && cause !== null && "kind" in cause && "code" in cause) {
    // PostgreSQL class 22 is "data exception" (22021: invalid byte sequence, 22P05: untranslatable character).
    if (cause.kind === "postgres" && typeof cause.code === "string" && cause.code.startsWith("22")) return true;
    if (cause.kind === "sqlite" && cause.code === 18) return true; // SQLITE_TOOBIG
  }
  // The query engine refuses strings it cannot encode (an unpaired surrogate) before the database sees them.
  return (
    error instanceof Error &&
    error.name === "PrismaClientUnknownRequestError" &&
    /JSON Error|hex escape|surrogate/i.test(error.message)
  );
}
