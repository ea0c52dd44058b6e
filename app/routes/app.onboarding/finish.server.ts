import { z } from "zod";

import { formBoolean, optionalText } from "~/admin/forms";
import type { Database, Shop } from "~/db.server";

export const FinishOnboardingSchema = z.object({
  departmentId: optionalText,
  enable: formBoolean,
});

export type FinishOnboarding = z.output<typeof FinishOnboardingSchema>;

/** Saves the department, switches the integration on when asked, and marks onboarding done. */
export async function finishOnboarding(
  db: Database,
  shop: string,
  choice: FinishOnboarding,
  now: Date = new Date(),
): Promise<Shop> {
  return db.shop.update({
    where: { shop },
    data: {
      dillerDepartmentId: choice.departmentId ?? null,
      onboardedAt: now,
      ...(choice.enable ? { integrationEnabled: true } : {}),
    },
  });
}
