import { randomBytes } from "node:crypto";
// From timers/promises, not the global: tests that fake timers must not stop the database.
import { setImmediate as yieldToIo } from "node:timers/promises";

import { Prisma as PrismaSql } from "../prisma/generated/sqlite/client";
import type { CustomerLink, Database, LocalJob, OrderSync, Shop, SyncActivity, WebhookEvent } from "./db.server";

/** A parameter of a direct statement, bound as the driver adapter binds Prisma's own. */
export type DirectSqlArg = string | number | boolean | Date | null;

/**
 * Statements that skip Prisma's query compiler but run on the client's own connection (its pool, or
 * SQLite's single connection with its lock). Prisma 6 compiles every operation in WebAssembly, about
 * a millisecond of CPU each, and serialises every parameter to do so (docs/decisions/047-direct-sql.md,
 * 049-order-sync-direct-sql.md). Portable SQL only; `?` placeholders become `$n` on PostgreSQL.
 * Values come back as Prisma returns them: dates as Date, booleans as boolean, integers as number.
 */
export interface DirectSql {
  query(sql: string, args: readonly DirectSqlArg[]): Promise<Record<string, unknown>[]>;
}

interface RawQueryable {
  queryRaw(query: {
    sql: string;
    args: unknown[];
    argTypes: { scalarType: "string" | "int" | "float" | "boolean" | "datetime"; arity: "scalar" }[];
  }): Promise<{ columnNames: string[]; columnTypes: number[]; rows: unknown[][] }>;
}

const connections = new WeakMap<object, DirectSql>();

/** Remembers the adapter connection Prisma opens, so direct statements share it. */
export function keepConnection(
  client: Database,
  factory: { connect(): Promise<RawQueryable> },
  provider: "sqlite" | "postgres",
) {
  let latest: RawQueryable | undefined;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => (latest = await connect());
  async function connection(): Promise<RawQueryable> {
    if (!latest) await client.$connect();
    if (!latest) throw new Error("the database adapter did not connect");
    return latest;
  }
  connections.set(client, {
    async query(sql, args) {
      // SQLite runs a statement on this thread, and its promise settles at once: a job's statements
      // would run back to back with every other job's, while answers from Diller wait unread. Each
      // statement first lets pending I/O in (docs/decisions/050-diller-call-slots.md).
      if (provider === "sqlite") await yieldToIo();
      const text = provider === "postgres" ? numberPlaceholders(sql) : sql;
      const result = await (await connection()).queryRaw({ sql: text, args: [...args], argTypes: args.map(argType) });
      const { columnNames, columnTypes } = result;
      return result.rows.map((row) =>
        Object.fromEntries(columnNames.map((name, index) => [name, valueOf(row[index], columnTypes[index])])),
      );
    },
  });
}

/** The driver adapters' column types (`ColumnTypeEnum` of @prisma/driver-adapter-utils) a value is converted for. */
const COLUMN_TYPE = { int64: 1, boolean: 5, date: 8, dateTime: 10 } as const;

/** A raw adapter value as Prisma's client returns it for the column's type. */
function valueOf(value: unknown, columnType: number | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (columnType) {
    case COLUMN_TYPE.boolean:
      return value === true || value === 1 || value === "1" || value === "true";
    case COLUMN_TYPE.date:
    case COLUMN_TYPE.dateTime:
      return typeof value === "string" || typeof value === "number" ? new Date(value) : value;
    case COLUMN_TYPE.int64:
      return integerOf(value);
    default:
      return typeof value === "bigint" ? integerOf(value) : value;
  }
}

function integerOf(value: unknown): unknown {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
}

/**
 * The direct statements of a client made by createDatabase. Any other client (an extended one, as the
 * benchmark's counting worker uses) gets the same statements through Prisma's raw queries.
 */
export function directSqlOf(db: Database): DirectSql {
  return (
    connections.get(db) ?? {
      query: async (sql, args) => {
        const rows = await db.$queryRaw<Record<string, unknown>[]>(PrismaSql.sql(splitAtPlaceholders(sql), ...args));
        return rows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([name, value]) => [name, valueOf(value, undefined)])),
        );
      },
    }
  );
}

/**
 * Lets another client (an extended one) run its direct statements on `db`'s connection, each shown
 * to `observe` first: the benchmark's counting worker counts them without changing how they run.
 */
export function observeDirectSql(db: Database, other: object, observe: (sql: string) => void) {
  const direct = directSqlOf(db);
  connections.set(other, {
    query(sql, args) {
      observe(sql);
      return direct.query(sql, args);
    },
  });
}

/** `SELECT * FROM "Shop" …` → `Shop SELECT`: what a direct statement does to which table. */
export function describeStatement(sql: string): string {
  const verb = sql.trim().split(/\s/)[0]?.toUpperCase() ?? "?";
  const table = /(?:FROM|INTO|UPDATE)\s+"(\w+)"/i.exec(sql)?.[1] ?? "?";
  return `${table} ${verb}`;
}

/** The models direct statements read and write, with their column names (generated by Prisma), listed once. */
const COLUMNS_OF = {
  Shop: Object.values(PrismaSql.ShopScalarFieldEnum),
  OrderSync: Object.values(PrismaSql.OrderSyncScalarFieldEnum),
  CustomerLink: Object.values(PrismaSql.CustomerLinkScalarFieldEnum),
  SyncActivity: Object.values(PrismaSql.SyncActivityScalarFieldEnum),
  WebhookEvent: Object.values(PrismaSql.WebhookEventScalarFieldEnum),
  LocalJob: Object.values(PrismaSql.LocalJobScalarFieldEnum),
} satisfies Record<string, readonly string[]>;
interface ModelRow {
  Shop: Shop;
  OrderSync: OrderSync;
  CustomerLink: CustomerLink;
  SyncActivity: SyncActivity;
  WebhookEvent: WebhookEvent;
  LocalJob: LocalJob;
}
type Model = keyof ModelRow;
/** Column values of a model's row, as a direct statement binds them. */
export type ColumnValues<M extends Model> = { [C in keyof ModelRow[M]]?: ModelRow[M][C] & DirectSqlArg };

/** Rows of `SELECT *` / `RETURNING *` on a model, typed as Prisma types them; a missing column is schema drift and throws. */
export function modelRowsOf<M extends Model>(model: M, rows: Record<string, unknown>[]): ModelRow[M][] {
  const columns: readonly string[] = COLUMNS_OF[model];
  const isRow = (row: Record<string, unknown>): row is ModelRow[M] => columns.every((column) => column in row);
  return rows.map((row) => {
    if (!isRow(row)) throw new Error(`a ${model} row lacks columns: ${columns.filter((c) => !(c in row)).join(", ")}`);
    return row;
  });
}

/** Quoted column names and their values; every name is checked against the model's columns (identifiers are never input). */
function columnsOf<M extends Model>(model: M, values: ColumnValues<M>): { names: string[]; args: DirectSqlArg[] } {
  const known: readonly string[] = COLUMNS_OF[model];
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  for (const [name] of entries) if (!known.includes(name)) throw new Error(`${model} has no column ${name}`);
  return {
    names: entries.map(([name]) => `"${name}"`),
    args: entries.map(([, value]) => toArg(value)),
  };
}

function toArg(value: unknown): DirectSqlArg {
  if (value === null || value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new Error(`not a column value: ${typeof value}`);
}

/** What Prisma fills in itself on a create: the cuid id, createdAt and updatedAt (when the model has them). */
function createDefaults(model: Model, now: Date): Record<string, DirectSqlArg> {
  const known: readonly string[] = COLUMNS_OF[model];
  return Object.fromEntries(
    [
      ["id", newRowId()],
      ["createdAt", now],
      ["updatedAt", now],
    ].filter(([name]) => known.includes(String(name))),
  );
}

/** INSERT … RETURNING *, with Prisma's client-side defaults filled in (the database fills the others). */
export async function insertRow<M extends Model>(
  db: Database,
  model: M,
  values: ColumnValues<M>,
): Promise<ModelRow[M]> {
  const { names, args } = columnsOf(model, { ...createDefaults(model, new Date()), ...values });
  const rows = await directSqlOf(db).query(
    `INSERT INTO "${model}" (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")}) RETURNING *`,
    args,
  );
  const [row] = modelRowsOf(model, rows);
  if (!row) throw new Error(`the ${model} insert returned no row`);
  return row;
}

/**
 * UPDATE … SET the given columns (plus `updatedAt`, as Prisma's @updatedAt does) and increments
 * WHERE every given column equals its value; with `returning`, the rows it changed (else none are read back).
 */
export async function updateRows<M extends Model>(
  db: Database,
  model: M,
  {
    set,
    increment = {},
    where,
    returning = false,
  }: { set: ColumnValues<M>; increment?: ColumnValues<M>; where: ColumnValues<M>; returning?: boolean },
): Promise<ModelRow[M][]> {
  const known: readonly string[] = COLUMNS_OF[model];
  const assigned = columnsOf(model, { ...(known.includes("updatedAt") ? { updatedAt: new Date() } : {}), ...set });
  const added = columnsOf(model, increment);
  const matched = columnsOf(model, where);
  if (matched.names.length === 0) throw new Error(`an update of ${model} without a WHERE`);
  const assignments = [
    ...assigned.names.map((name) => `${name} = ?`),
    ...added.names.map((name) => `${name} = ${name} + ?`),
  ];
  const rows = await directSqlOf(db).query(
    `UPDATE "${model}" SET ${assignments.join(", ")} WHERE ${matched.names.map((name) => `${name} = ?`).join(" AND ")}${returning ? " RETURNING *" : ""}`,
    [...assigned.args, ...added.args, ...matched.args],
  );
  return modelRowsOf(model, rows);
}

let counter = 0;

/** A cuid-shaped id (the columns' Prisma default), made here for rows that skip Prisma's create. */
export function newRowId(): string {
  counter = (counter + 1) % 1_679_616;
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${randomBytes(8).toString("hex").slice(0, 12)}`;
}

/** The SQL around its `?` placeholders; a `?` inside a string literal is text, not a placeholder. */
function splitAtPlaceholders(sql: string): string[] {
  const parts = [""];
  for (const piece of sql.split(/('(?:[^']|'')*')/)) {
    if (piece.startsWith("'")) parts[parts.length - 1] += piece;
    else {
      const [first = "", ...rest] = piece.split("?");
      parts[parts.length - 1] += first;
      parts.push(...rest);
    }
  }
  return parts;
}

function argType(arg: DirectSqlArg) {
  const scalarType =
    arg instanceof Date
      ? "datetime"
      : typeof arg === "number"
        ? Number.isInteger(arg)
          ? "int"
          : "float"
        : typeof arg === "boolean"
          ? "boolean"
          : "string";
  return { scalarType, arity: "scalar" } as const;
}

/** `?` → `$1, $2, …` outside string literals (the statements here quote identifiers with `"`, values never). */
function numberPlaceholders(sql: string): string {
  return splitAtPlaceholders(sql).reduce((text, part, index) => `${text}$${index}${part}`);
}
