import { describe, expect, it } from "vitest";

import { directSqlOf, getDatabase } from "./db.server";

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

  it("GIVEN a question mark inside an SQL string literal THEN it is not taken for a parameter", async () => {
    const rows = await directSqlOf(db).query(`SELECT 'a?b' AS "text", ? AS "value"`, ["x"]);
    expect(rows).toEqual([{ text: "a?b", value: "x" }]);
  });
});
