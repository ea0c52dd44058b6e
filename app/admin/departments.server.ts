import { z } from "zod";

import type { DillerClient } from "~/diller/client.server";
import { DillerAmbiguousFailureError, DillerValidationError } from "~/diller/errors.server";
import type { StoreDepartment } from "~/diller/schemas.server";
import { message } from "~/i18n/translate";

import type { FormResult } from "./forms";
import type { DepartmentOption } from "./views";

export function departmentOptions(departments: StoreDepartment[]): DepartmentOption[] {
  return departments
    .filter((department): department is StoreDepartment & { id: string } => Boolean(department.id))
    .map((department) => ({ id: department.id, name: department.name?.trim() || department.id }));
}

export const NewDepartmentSchema = z.object({
  departmentId: z
    .string({ error: "department.errors.id" })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,50}$/, "department.errors.id"),
  departmentName: z
    .string({ error: "department.errors.name" })
    .trim()
    .min(1, "department.errors.name")
    .max(100, "department.errors.name"),
});

export type NewDepartment = z.output<typeof NewDepartmentSchema>;

/**
 * Creates a department in Diller for the app's orders. `createDepartment` is not safe to repeat, so
 * after an ambiguous failure the list decides whether it was created.
 */
export async function createDepartment(
  diller: DillerClient,
  department: NewDepartment,
  shop: string,
): Promise<FormResult<DepartmentOption[]>> {
  try {
    const created = await diller.stores.createDepartment({
      id: department.departmentId,
      name: department.departmentName,
      origin: { system_id: `shopify:${shop}`, channel: "OnlineStore" },
    });
    return { ok: true, data: departmentOptions(created) };
  } catch (error) {
    if (error instanceof DillerValidationError && Object.keys(error.fieldErrors).some((field) => /^id$/i.test(field))) {
      return { ok: false, errors: { departmentId: message("department.errors.taken") } };
    }
    if (error instanceof DillerAmbiguousFailureError) {
      const departments = departmentOptions(await diller.stores.listDepartments());
      if (departments.some((existing) => existing.id === department.departmentId))
        return { ok: true, data: departments };
    }
    throw error;
  }
}
