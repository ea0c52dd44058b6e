/** The admin's languages. English is the fallback for everything else. */
export const LOCALES = ["en", "nb", "sv", "da"] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** The BCP 47 tag handed to Intl for each locale. */
export const INTL_TAGS: Record<Locale, string> = { en: "en-US", nb: "nb-NO", sv: "sv-SE", da: "da-DK" };

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

/**
 * The admin locale for one language tag such as Shopify's `locale` parameter (`nb`, `sv-SE`, `da`).
 * Norwegian in any written form (`no`, `nb`, `nn`) gets bokmål, the only Norwegian we ship; the
 * region never matters (Finland-Swedish `sv-FI` gets Swedish, `da-GL` Danish).
 */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (!language) return undefined;
  if (language === "nb" || language === "no" || language === "nn") return "nb";
  if (language === "en" || language === "sv" || language === "da") return language;
  return undefined;
}

/** The best supported locale of an Accept-Language header, by quality. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { tag, quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter((entry) => entry.quality > 0 && Number.isFinite(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return undefined;
}

/** The first candidate that names a supported locale, else English. */
export function resolveLocale(...candidates: (Locale | undefined)[]): Locale {
  return candidates.find((candidate) => candidate !== undefined) ?? DEFAULT_LOCALE;
}

/** The locale a route's loader chose (the first match whose data names one), else English. */
export function localeOfRouteData(routeData: readonly unknown[]): Locale {
  for (const data of routeData) {
    if (typeof data === "object" && data !== null && "locale" in data && isLocale(data.locale)) return data.locale;
  }
  return DEFAULT_LOCALE;
}
