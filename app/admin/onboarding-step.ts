import type { Shop } from "~/db.server";

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
