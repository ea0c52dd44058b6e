/**
 * Phone numbers for Diller, which wants `{ country_code: "+47", number: "91234567" }`. Shopify keeps
 * customer phones in E.164 (`+4791234567`); country calling codes are prefix-free, so a number splits
 * exactly: 1 and 7 are one digit, the two-digit codes are listed, everything else is three digits.
 */
const TWO_DIGIT_CODES = new Set(
  "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split(
    " ",
  ),
);

export interface DillerPhone {
  country_code: string;
  number: string;
}

/** `+47 912 34 567`, `0047…` → `+4791234567`; null when it is not an international number. */
export function toE164(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const compact = raw.replace(/[\s\-.()]/g, "").replace(/^00/, "+");
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

export function splitE164(raw: string | null | undefined): DillerPhone | null {
  const e164 = toE164(raw);
  if (!e164) return null;
  const digits = e164.slice(1);
  const codeLength = digits[0] === "1" || digits[0] === "7" ? 1 : TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
  return { country_code: `+${digits.slice(0, codeLength)}`, number: digits.slice(codeLength) };
}
