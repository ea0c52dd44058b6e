import type { Database, Shop } from "~/db.server";
import type { OriginSettings } from "~/loyalty/origin";

/**
 * The shop's default department and the departments of the given POS locations (Settings → POS
 * registers). No query when no location is given: an online order needs no mapping.
 */
export async function originSettingsOf(db: Database, shop: Shop, locationIds: string[]): Promise<OriginSettings> {
  const rows =
    locationIds.length === 0
      ? []
      : await db.locationDepartment.findMany({
          where: { shop: shop.shop, locationId: { in: locationIds } },
          select: { locationId: true, departmentId: true },
        });
  return {
    defaultDepartmentId: shop.dillerDepartmentId,
    locationDepartments: new Map(rows.map((row) => [row.locationId, row.departmentId])),
  };
}
