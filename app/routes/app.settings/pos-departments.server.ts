import { z } from "zod";

import type { Database, Shop } from "~/db.server";
import { isMessageKey, message } from "~/i18n/translate";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";
import { listLocations } from "~/shopify/locations.server";

import { answer } from "~/admin/action-result.server";
import { storeBasics } from "~/admin/diller-reads.server";
import { optionalText, type FieldErrors } from "~/admin/forms";
import { LOCATION_FIELD_PREFIX, POS_DEPARTMENTS_INTENT, type PosRegistersView } from "./pos-registers";
import type { DepartmentOption } from "~/admin/views";

/**
 * Settings → POS registers: each Shopify location (where POS registers stand) mapped to a Diller
 * department; a location left on "default" books under the shop's default department
 * (docs/decisions/038-pos-departments.md).
 */

type Graphql = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

export async function posRegistersOf(db: Database, shop: Shop, graphql: Graphql): Promise<PosRegistersView> {
  const rows = await db.locationDepartment.findMany({ where: { shop: shop.shop } });
  const saved = new Map(rows.map((row) => [row.locationId, row.departmentId]));
  try {
    const locations = await listLocations(graphql);
    return locations.map(({ id, name }) => ({ locationId: id, name, departmentId: saved.get(id) ?? "" }));
  } catch {
    return null;
  }
}

const EntrySchema = z.object({
  locationId: z.string().regex(/^\d{1,20}$/, "form.errors.invalid"),
  departmentId: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,50}$/, "settings.errors.department")
      .optional(),
  ),
});
const MAX_LOCATIONS = 250;

export type PosDepartmentsResult =
  | { intent: typeof POS_DEPARTMENTS_INTENT; saved: true; status: 200 }
  | { intent: typeof POS_DEPARTMENTS_INTENT; errors: FieldErrors; status: 422 };

/**
 * Validates and saves the submitted `location.<id>` fields (the others are ignored). `departments`
 * is Diller's current list, or null when Diller could not be asked: then a location may only keep
 * the department it already has. Nothing is saved while any field is wrong.
 */
export async function savePosDepartments(
  db: Database,
  shop: Shop,
  fields: Record<string, string>,
  departments: DepartmentOption[] | null,
): Promise<PosDepartmentsResult> {
  const submitted = Object.entries(fields).filter(([name]) => name.startsWith(LOCATION_FIELD_PREFIX));
  const fail = (errors: FieldErrors) => ({ intent: POS_DEPARTMENTS_INTENT, errors, status: 422 }) as const;
  if (submitted.length > MAX_LOCATIONS) return fail({ form: message("form.errors.invalid") });

  const saved = new Map(
    (await db.locationDepartment.findMany({ where: { shop: shop.shop } })).map((row) => [row.locationId, row]),
  );
  const errors: FieldErrors = {};
  const entries: { locationId: string; departmentId: string | null }[] = [];
  for (const [field, value] of submitted) {
    const parsed = EntrySchema.safeParse({
      locationId: field.slice(LOCATION_FIELD_PREFIX.length),
      departmentId: value,
    });
    if (!parsed.success) {
      const problem = parsed.error.issues[0]?.message ?? "";
      errors[field] = isMessageKey(problem) ? { key: problem } : message("form.errors.invalid");
      continue;
    }
    const { locationId, departmentId = null } = parsed.data;
    if (departmentId && departmentId !== saved.get(locationId)?.departmentId) {
      if (departments === null) errors[field] = message("settings.errors.departmentUnverifiable");
      else if (!departments.some((department) => department.id === departmentId))
        errors[field] = message("settings.errors.department");
    }
    entries.push({ locationId, departmentId });
  }
  if (Object.keys(errors).length > 0) return fail(errors);

  await db.$transaction(
    entries.map(({ locationId, departmentId }) =>
      departmentId
        ? db.locationDepartment.upsert({
            where: { shop_locationId: { shop: shop.shop, locationId } },
            create: { shop: shop.shop, locationId, departmentId },
            update: { departmentId },
          })
        : db.locationDepartment.deleteMany({ where: { shop: shop.shop, locationId } }),
    ),
  );
  return { intent: POS_DEPARTMENTS_INTENT, saved: true, status: 200 };
}

/** The save with Diller's department list (null when Diller cannot be asked). */
export async function posDepartmentsAction(
  deps: { db: Database; storeReads: DillerStoreReads },
  shop: Shop,
  fields: Record<string, string>,
) {
  let departments: DepartmentOption[] | null = null;
  if (shop.dillerStoreId && shop.dillerApiKey) {
    departments = await storeBasics(deps.storeReads, shop).then(
      ({ value }) => value.departments,
      () => null,
    );
  }
  const { status, ...body } = await savePosDepartments(deps.db, shop, fields, departments);
  return answer(status, body);
}
