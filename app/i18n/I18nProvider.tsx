import { createContext, useContext, useMemo, type ReactNode } from "react";

import { createFormatters, type Formatters } from "./format";
import type { Locale } from "./locales";
import { createTranslator, type Translator } from "./translate";

export type I18n = Translator & Formatters & { timeZone: string };

const I18nContext = createContext<I18n | null>(null);

/** Gives the admin's components the merchant's language and the shop's time zone. */
export function I18nProvider({
  locale,
  timeZone,
  children,
}: {
  locale: Locale;
  timeZone: string;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(
    () => ({ ...createTranslator(locale), ...createFormatters(locale, timeZone), timeZone }),
    [locale, timeZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n() needs an <I18nProvider> (app/routes/app.tsx provides it)");
  return value;
}
