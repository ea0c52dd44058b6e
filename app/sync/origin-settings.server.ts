import type { Database, Shop } from "~/db.server";
import type { OriginSettings } from "~/loyalty/origin";

/** The shop's default department and its POS locations' departments (Settings → POS registers). */
export async function originSettingsOf(db: Database, shop: Shop): Promise<OriginSettings> {
  const rows = await db.locationDepartment.findMany({
    where: { shop: shop.shop },
    select: { locationId: true, departmentId: true },
  });
  return {
    defaultDepartmentId: shop.dillerDepartmentId,
    locationDepartments: new Map(rows.map((row) => [row.locationId, row.departmentId])),
  };
}
