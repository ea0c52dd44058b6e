/**
 * Phone numbers as the sandbox stores them: `{country_code: "+47", number: "40000001"}` (calling code
 * with a plus, national number as digits without a trunk 0). Search compares full digit strings.
 */
import { type Schemas } from "../operation-types";

type Phone = Schemas["Phone"];

const DEFAULT_COUNTRY_CODE = "+47";
/** Italy keeps its leading 0 after the calling code; elsewhere a national leading 0 is a trunk prefix. */
const KEEPS_LEADING_ZERO = new Set(["+39"]);

export type PhoneResult = { ok: true; phone: Phone } | { ok: false; field: "country_code" | "number"; message: string };

export function normalizePhone(phone: Phone): PhoneResult {
  const countryDigits = phone.country_code.replace(/[\s()-]/g, "").replace(/^(\+|00)/, "");
  if (!/^\d{1,4}$/.test(countryDigits) || countryDigits.startsWith("0")) {
    return { ok: false, field: "country_code", message: "The country code must be a calling code such as +47." };
  }
  const countryCode = `+${countryDigits}`;
  let digits = phone.number.replace(/[\s().-]/g, "");
  for (const prefix of [`+${countryDigits}`, `00${countryDigits}`]) {
    if (digits.startsWith(prefix)) digits = digits.slice(prefix.length);
  }
  if (!KEEPS_LEADING_ZERO.has(countryCode)) digits = digits.replace(/^0/, "");
  if (!/^\d{4,14}$/.test(digits)) {
    return { ok: false, field: "number", message: "The number must be 4 to 14 digits without the country code." };
  }
  return { ok: true, phone: { country_code: countryCode, number: digits } };
}

/** "+47" + "40000001" → "4740000001". */
export function fullDigits(phone: Phone): string {
  return `${phone.country_code.replace(/^\+/, "")}${phone.number}`;
}

export function formatPhone(phone: Phone): string {
  return `${phone.country_code}${phone.number}`;
}

/**
 * A search value: "+4740000001" or "004740000001" is international; anything else is a national number
 * in the store's country. Note that an unencoded "+" in a query string arrives as a space (as in ASP.NET),
 * which turns an international number into a national one: clients must send %2B.
 */
export function searchDigits(value: string, storeCountryCode: string | undefined): string | undefined {
  const compact = value.replace(/[\s().-]/g, "");
  const international = /^(\+|00)(\d{5,18})$/.exec(compact);
  if (international?.[2]) return international[2];
  const normalized = normalizePhone({ country_code: storeCountryCode ?? DEFAULT_COUNTRY_CODE, number: compact });
  return normalized.ok ? fullDigits(normalized.phone) : undefined;
}
