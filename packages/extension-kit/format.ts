import type { CouponView } from "@diller/storefront-contract";

/** The slice of `shopify.i18n` the kit needs (checkout and customer account expose the same one). */
export interface I18nLike {
  translate: (key: string, options?: Record<string, string | number>) => unknown;
  formatNumber: (value: number) => string;
  formatCurrency: (value: number, options?: { currency?: string }) => string;
  formatDate: (date: Date, options?: Record<string, unknown>) => string;
}

/** `translate` may return rich content; the kit only ever asks for plain strings. */
export function t(i18n: I18nLike, key: string, options?: Record<string, string | number>): string {
  return String(i18n.translate(key, options));
}

/** "this order earns about N points": the store's ratio × the amount, rounded down like Diller books it. */
export function estimatePoints(pointsPerCurrencyUnit: number | null, amount: number | null | undefined) {
  if (pointsPerCurrencyUnit === null || pointsPerCurrencyUnit <= 0) return null;
  if (amount === null || amount === undefined || !Number.isFinite(amount) || amount <= 0) return null;
  return Math.floor(pointsPerCurrencyUnit * amount);
}

export function formatPoints(i18n: I18nLike, points: number): string {
  return i18n.formatNumber(Math.round(points));
}

export function formatDay(i18n: I18nLike, iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return i18n.formatDate(date, { year: "numeric", month: "long", day: "numeric" });
}

/**
 * The coupon's value as the shopper reads it. Needs the keys `coupon.percentOff`, `coupon.amountOff`
 * and `coupon.freeShipping` in the extension's locales.
 */
export function couponValueText(i18n: I18nLike, coupon: CouponView): string | null {
  if (coupon.kind === "free_shipping") return t(i18n, "coupon.freeShipping");
  const value = Number(coupon.value);
  if (coupon.value === null || !Number.isFinite(value)) return null;
  if (coupon.kind === "percentage") return t(i18n, "coupon.percentOff", { percent: i18n.formatNumber(value) });
  const amount = coupon.currency ? i18n.formatCurrency(value, { currency: coupon.currency }) : i18n.formatNumber(value);
  return t(i18n, "coupon.amountOff", { amount });
}

/** "Valid until 1 March 2027" — needs the key `coupon.validUntil`. */
export function couponValidityText(i18n: I18nLike, coupon: CouponView): string | null {
  const until = formatDay(i18n, coupon.validTo);
  return until ? t(i18n, "coupon.validUntil", { date: until }) : null;
}

/** Translation key of an error code (`errors.<code>`); each extension translates every code. */
export function errorKey(code: string): string {
  return `errors.${code}`;
}

export type ExtensionI18n = I18nLike & { tr: (key: string, options?: Record<string, string | number>) => string };

/** Wraps the host's `shopify.i18n` (read at call time) with a plain-string `tr`. */
export function createExtensionI18n(host: () => I18nLike): ExtensionI18n {
  const kit: I18nLike = {
    translate: (key, options) => host().translate(key, options),
    formatNumber: (value) => host().formatNumber(value),
    formatCurrency: (value, options) => host().formatCurrency(value, options),
    formatDate: (date, options) => host().formatDate(date, options),
  };
  return { ...kit, tr: (key, options) => t(kit, key, options) };
}
