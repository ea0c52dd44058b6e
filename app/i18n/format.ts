import { INTL_TAGS, type Locale } from "./locales";

/**
 * Number and date formatting for the admin. Dates are always formatted in an explicit time zone
 * (the shop's), so the server-rendered page and the browser agree and the merchant sees shop time.
 */
export interface Formatters {
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A calendar date such as 2026-11-28, given as `yyyy-mm-dd` (already a day of the shop). */
  day(isoDay: string): string;
  /** An instant (ISO string or Date) as date and time in the shop's time zone. */
  dateTime(value: string | Date): string;
  /** An instant as a date in the shop's time zone. */
  date(value: string | Date): string;
}

export function createFormatters(locale: Locale, timeZone: string): Formatters {
  const tag = INTL_TAGS[locale];
  const zone = safeTimeZone(timeZone);
  const dayFormat = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", timeZone: "UTC" });
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: zone });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  return {
    number: (value, options) => new Intl.NumberFormat(tag, options).format(value),
    day: (isoDay) => dayFormat.format(new Date(`${isoDay}T00:00:00Z`)),
    dateTime: (value) => dateTimeFormat.format(new Date(value)),
    date: (value) => dateFormat.format(new Date(value)),
  };
}

/**
 * The form of a plural choice `one|other` for a count, by the locale's plural rules (Danish takes
 * the singular for 1.5 too, the others only for exactly 1). Text that is not a count (such as "?")
 * gets the other form.
 */
export function pluralForm(locale: Locale, count: number | string, forms: string): string {
  const [one = "", other = one] = forms.split("|");
  if (typeof count !== "number" || !Number.isFinite(count)) return other;
  return new Intl.PluralRules(INTL_TAGS[locale]).select(count) === "one" ? one : other;
}

/** The zone if Intl knows it, else UTC (a malformed stored zone must not break the page). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}
