import polarisDanish from "@shopify/polaris/locales/da.json";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisNorwegian from "@shopify/polaris/locales/nb.json";
import polarisSwedish from "@shopify/polaris/locales/sv.json";

import type { Locale } from "./locales";

/** Polaris' own strings (pagination, filters, banners' dismiss…) for each admin locale. */
export const polarisTranslations: Record<Locale, typeof polarisEnglish> = {
  en: polarisEnglish,
  nb: polarisNorwegian,
  sv: polarisSwedish,
  da: polarisDanish,
};
