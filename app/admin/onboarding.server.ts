import { z } from "zod";

import type { Database, Shop } from "~/db.server";

import { formBoolean, optionalText } from "./forms";

export type OnboardingStep = "connect" | "department" | "done";

/** Where a shop stands in onboarding; a merchant may go back to a step on purpose (`requested`). */
export function onboardingStep(shop: Shop | null, requested?: string | null): OnboardingStep {
  const connected = Boolean(shop?.connectedAt && shop.dillerStoreId && shop.dillerApiKey);
  if (!connected || requested === "connect") return "connect";
  if (!shop?.onboardedAt || requested === "department") return "department";
  return "done";
}

/** True while the merchant has not finished onboarding: the admin's other pages send them there. */
export function needsOnboarding(shop: Shop | null): boolean {
  return onboardingStep(shop) !== "done";
}

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
