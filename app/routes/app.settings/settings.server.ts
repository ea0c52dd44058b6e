import { z } from "zod";

import type { Database, Shop } from "~/db.server";
import { message } from "~/i18n/translate";

import type { DepartmentOption, SettingsValues } from "~/admin/views";
import { formBoolean, optionalText, parseForm, type FormResult } from "~/admin/forms";

export const CONSENT_TEXT_MAX_LENGTH = 500;

const consentText = optionalText.pipe(
  z.string().max(CONSENT_TEXT_MAX_LENGTH, "settings.errors.consentTooLong").optional(),
);

/** The settings form. Checkboxes arrive as "true"/"false"; empty texts mean "use the default". */
export const SettingsFormSchema = z.object({
  integrationEnabled: formBoolean,
  orderTrigger: z.enum(["PAID", "FULFILLED"], { error: "settings.errors.orderTrigger" }),
  includeShipping: formBoolean,
  sendTestOrders: formBoolean,
  loyaltyFactsOnCustomers: formBoolean,
  levelTags: formBoolean,
  currencyMismatch: z.enum(["SKIP", "SEND"], { error: "settings.errors.currencyMismatch" }).default("SKIP"),
  guestEnrollment: formBoolean,
  membershipConsentText: consentText,
  marketingConsentText: consentText,
  discountCodePrefix: z
    .string({ error: "settings.errors.prefix" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,11}$/, "settings.errors.prefix"),
  discountCombinesWithProduct: formBoolean,
  discountCombinesWithOrder: formBoolean,
  discountCombinesWithShipping: formBoolean,
  departmentId: optionalText,
});

export type SettingsForm = z.output<typeof SettingsFormSchema>;

export function settingsValuesOf(shop: Shop): SettingsValues {
  return {
    integrationEnabled: shop.integrationEnabled,
    orderTrigger: shop.orderTrigger,
    includeShipping: shop.includeShipping,
    sendTestOrders: shop.sendTestOrders,
    loyaltyFactsOnCustomers: shop.loyaltyFactsOnCustomers,
    levelTags: shop.levelTags,
    currencyMismatch: shop.currencyMismatch,
    guestEnrollment: shop.guestEnrollment,
    membershipConsentText: shop.membershipConsentText ?? "",
    marketingConsentText: shop.marketingConsentText ?? "",
    discountCodePrefix: shop.discountCodePrefix,
    discountCombinesWithProduct: shop.discountCombinesWithProduct,
    discountCombinesWithOrder: shop.discountCombinesWithOrder,
    discountCombinesWithShipping: shop.discountCombinesWithShipping,
    departmentId: shop.dillerDepartmentId ?? "",
  };
}

/**
 * Validates and saves the settings. `departments` is Diller's current list, or null when Diller
 * could not be asked: then only the department already saved is accepted.
 */
export async function saveSettings(
  db: Database,
  shop: Shop,
  fields: Record<string, unknown>,
  departments: DepartmentOption[] | null,
): Promise<FormResult<Shop>> {
  const parsed = parseForm(SettingsFormSchema, fields);
  if (!parsed.ok) return parsed;
  const form = parsed.data;
  const errors: Record<string, ReturnType<typeof message>> = {};
  const departmentId = form.departmentId ?? null;
  if (departmentId && departmentId !== shop.dillerDepartmentId) {
    if (departments === null) errors.departmentId = message("settings.errors.departmentUnverifiable");
    else if (!departments.some((department) => department.id === departmentId))
      errors.departmentId = message("settings.errors.department");
  }
  const connected = Boolean(shop.dillerStoreId && shop.dillerApiKey);
  if (form.integrationEnabled && !connected) errors.integrationEnabled = message("settings.errors.notConnected");
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const membershipConsentText = form.membershipConsentText ?? null;
  const marketingConsentText = form.marketingConsentText ?? null;
  const textsChanged =
    membershipConsentText !== shop.membershipConsentText || marketingConsentText !== shop.marketingConsentText;
  const saved = await db.shop.update({
    where: { shop: shop.shop },
    data: {
      integrationEnabled: form.integrationEnabled,
      orderTrigger: form.orderTrigger,
      includeShipping: form.includeShipping,
      sendTestOrders: form.sendTestOrders,
      loyaltyFactsOnCustomers: form.loyaltyFactsOnCustomers,
      levelTags: form.levelTags,
      currencyMismatch: form.currencyMismatch,
      guestEnrollment: form.guestEnrollment,
      membershipConsentText,
      marketingConsentText,
      ...(textsChanged ? { consentTextVersion: { increment: 1 } } : {}),
      discountCodePrefix: form.discountCodePrefix,
      discountCombinesWithProduct: form.discountCombinesWithProduct,
      discountCombinesWithOrder: form.discountCombinesWithOrder,
      discountCombinesWithShipping: form.discountCombinesWithShipping,
      dillerDepartmentId: departmentId,
    },
  });
  return { ok: true, data: saved };
}
