import { describe, expect, it } from "vitest";

import type { Shop } from "~/db.server";

import { needsOnboarding, onboardingStep } from "./onboarding-step";

function shop(fields: Partial<Shop>): Shop {
  return {
    shop: "s.myshopify.com",
    createdAt: new Date(),
    updatedAt: new Date(),
    uninstalledAt: null,
    integrationEnabled: false,
    dillerEnvironment: "production",
    dillerBaseUrl: null,
    dillerStoreId: null,
    dillerApiKey: null,
    dillerDepartmentId: null,
    connectedAt: null,
    orderTrigger: "PAID",
    includeShipping: false,
    guestEnrollment: true,
    reconciledUntil: null,
    onboardedAt: null,
    membershipConsentText: null,
    marketingConsentText: null,
    consentTextVersion: 1,
    discountCodePrefix: "DILLER-",
    discountCombinesWithProduct: false,
    discountCombinesWithOrder: false,
    discountCombinesWithShipping: true,
    extensionSetupAt: null,
    extensionSetupError: null,
    timezone: null,
    sendTestOrders: false,
    loyaltyFactsOnCustomers: false,
    levelTags: false,
    currency: null,
    currencyMismatch: "SKIP",
    ...fields,
  };
}

const connected = { connectedAt: new Date(), dillerStoreId: "store", dillerApiKey: "v1.sealed" };

describe("onboardingStep", () => {
  it.each([
    { name: "no shop row", row: null, requested: null, step: "connect" },
    { name: "nothing saved", row: shop({}), requested: null, step: "connect" },
    { name: "key missing", row: shop({ ...connected, dillerApiKey: null }), requested: null, step: "connect" },
    { name: "connected", row: shop(connected), requested: null, step: "department" },
    { name: "onboarded", row: shop({ ...connected, onboardedAt: new Date() }), requested: null, step: "done" },
    {
      name: "onboarded, changing the connection",
      row: shop({ ...connected, onboardedAt: new Date() }),
      requested: "connect",
      step: "connect",
    },
    {
      name: "onboarded, changing the department",
      row: shop({ ...connected, onboardedAt: new Date() }),
      requested: "department",
      step: "department",
    },
    { name: "not connected, asking for the department", row: shop({}), requested: "department", step: "connect" },
  ])("$name → $step", ({ row, requested, step }) => {
    expect(onboardingStep(row, requested)).toBe(step);
    expect(needsOnboarding(row)).toBe(onboardingStep(row) !== "done");
  });
});
