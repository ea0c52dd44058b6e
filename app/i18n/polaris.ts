import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisNorwegian from "@shopify/polaris/locales/nb.json";

import type { Locale } from "./locales";

/** Polaris' own strings (pagination, filters, banners' dismiss…) for each admin locale. */
export const polarisTranslations: Record<Locale, typeof polarisEnglish> = {
  en: polarisEnglish,
  nb: polarisNorwegian,
};
