import { describe, expect, it } from "vitest";

import { directSqlOf, getDatabase, insertRow, isUniqueConstraintError, modelRowsOf, updateRows } from "./db.server";

const db = getDatabase();
const SHOP = "direct-sql.myshopify.com";

describe("directSqlOf", () => {
  it.each([
    ["the client's own connection", () => directSqlOf(db)],
    // An extended client is another object: its statements go through Prisma's raw queries instead.
    ["an extended client", () => directSqlOf(db.$extends({}) as unknown as typeof db)],
  ])("GIVEN %s WHEN a row is written THEN Prisma reads back the same values", async (_case, sqlOf) => {
    const at = new Date("2026-12-02T10:11:12.345Z");
    const id = `direct-${Math.random().toString(36).slice(2)}`;
    const returned = await sqlOf().query(
      `INSERT INTO "SyncActivity" ("id", "shop", "kind", "detail", "at") VALUES (?, ?, ?, ?, ?) RETURNING "id", "detail"`,
      [id, SHOP, "ORDER_SKIPPED", "a value with a ? in it", at],
    );
    expect(returned).toEqual([{ id, detail: "a value with a ? in it" }]);
    const row = await db.syncActivity.findFirst({ where: { shop: SHOP, id } });
    expect(row?.at.toISOString()).toBe(at.toISOString());
    expect(row?.kind).toBe("ORDER_SKIPPED");
  });

  it("GIVEN a run of direct statements THEN pending I/O callbacks run between them, not after the last", async () => {
    // SQLite answers on this thread: without a yield per statement, a job's statements (and every other
    // job's) ran back to back while Diller's answers waited unread (docs/decisions/050-diller-call-slots.md).
    let statementsRun = 0;
    let ranAfter: number | undefined;
    setImmediate(() => (ranAfter = statementsRun));
    for (; statementsRun < 20; statementsRun++) await directSqlOf(db).query(`SELECT 1 AS "one"`, []);
    expect(ranAfter).toBeLessThanOrEqual(1);
  });

  it("GIVEN a question mark inside an SQL string literal THEN it is not taken for a parameter", async () => {
    const rows = await directSqlOf(db).query(`SELECT 'a?b' AS "text", ? AS "value"`, ["x"]);
    expect(rows).toEqual([{ text: "a?b", value: "x" }]);
  });

  it.each([
    ["the client's own connection", () => directSqlOf(db)],
    ["an extended client", () => directSqlOf(db.$extends({}) as unknown as typeof db)],
  ])(
    "GIVEN whole rows WHEN %s reads them THEN they equal Prisma's (dates, booleans, integers, nulls)",
    async (_case, sqlOf) => {
      const shop = `rows-${Math.random().toString(36).slice(2)}.myshopify.com`;
      const at = new Date("2026-12-02T10:11:12.345Z");
      const shopRow = await db.shop.create({
        data: { shop, connectedAt: at, integrationEnabled: true, guestEnrollment: false, consentTextVersion: 7 },
      });
      const orderRow = await db.orderSync.create({ data: { shop, orderId: "1", paidAt: at, attempts: 3 } });
      const linkRow = await db.customerLink.create({
        data: { shop, customerId: "9", memberId: "m", marketingConsent: true },
      });
      const read = (table: string) => sqlOf().query(`SELECT * FROM "${table}" WHERE "shop" = ?`, [shop]);
      expect(modelRowsOf("Shop", await read("Shop"))).toEqual([shopRow]);
      expect(modelRowsOf("OrderSync", await read("OrderSync"))).toEqual([orderRow]);
      expect(modelRowsOf("CustomerLink", await read("CustomerLink"))).toEqual([linkRow]);
    },
  );

  it("GIVEN a row without one of the model's columns THEN modelRowsOf refuses it (schema drift)", async () => {
    const rows = await directSqlOf(db).query(`SELECT 'x' AS "shop"`, []);
    expect(() => modelRowsOf("Shop", rows)).toThrow(/lacks columns: createdAt/);
  });

  it("GIVEN a direct insert that breaks a unique index THEN isUniqueConstraintError recognises the adapter's error", async () => {
    const shop = `unique-${Math.random().toString(36).slice(2)}.myshopify.com`;
    await insertRow(db, "CustomerLink", { shop, customerId: "1" });
    const error = await insertRow(db, "CustomerLink", { shop, customerId: "1" }).catch((caught: unknown) => caught);
    expect(isUniqueConstraintError(error)).toBe(true);
    expect(isUniqueConstraintError(new Error("Operation has timed out"))).toBe(false);
  });

  it("GIVEN insertRow and updateRows THEN Prisma's defaults are filled (id, createdAt, updatedAt) and increments add", async () => {
    const shop = `write-${Math.random().toString(36).slice(2)}.myshopify.com`;
    const before = Date.now();
    const inserted = await insertRow(db, "OrderSync", { shop, orderId: "1", attempts: 2 });
    expect(inserted).toMatchObject({ shop, orderId: "1", attempts: 2, state: "PENDING", refundsJson: "{}" });
    expect(inserted.id).toMatch(/^c[0-9a-z]{20,}$/);
    expect(inserted.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    const [updated] = await updateRows(db, "OrderSync", {
      set: { state: "SENT" },
      increment: { attempts: 3 },
      where: { shop, orderId: "1" },
      returning: true,
    });
    expect(updated).toMatchObject({ state: "SENT", attempts: 5 });
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(inserted.updatedAt.getTime());
    expect(await db.orderSync.findUnique({ where: { id: inserted.id } })).toEqual(updated);
    // Column names are checked against the model, never taken from input.
    await expect(updateRows(db, "OrderSync", { set: { state: "SENT" }, where: {} })).rejects.toThrow(/without a WHERE/);
  });
});
