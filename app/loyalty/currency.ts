import { MoneyError } from "~/lib/money-error";

export { MoneyError, type MoneyErrorCode } from "~/lib/money-error";

/** ISO 4217 minor units of the currencies whose exponent is not 2. */
const EXPONENT_OVERRIDES: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    [
      "BIF",
      "CLP",
      "DJF",
      "GNF",
      "ISK",
      "JPY",
      "KMF",
      "KRW",
      "PYG",
      "RWF",
      "UGX",
      "UYI",
      "VND",
      "VUV",
      "XAF",
      "XOF",
      "XPF",
    ].map((code) => [code, 0]),
  ),
  ...Object.fromEntries(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map((code) => [code, 3])),
  ...Object.fromEntries(["CLF", "UYW"].map((code) => [code, 4])),
};

const DEFAULT_EXPONENT = 2;

/** Number of decimals of the currency's minor unit (ISO 4217; 2 when the code is unknown). */
export function currencyExponent(currency: string): number {
  return EXPONENT_OVERRIDES[currency] ?? DEFAULT_EXPONENT;
}

export function assertCurrencyCode(currency: string): void {
  if (!/^[A-Z]{3}$/.test(currency))
    throw new MoneyError("invalid_currency", `not an ISO 4217 currency code: ${currency}`);
}
