import type { components } from "@diller/diller-contract";

export type GtinType = components["schemas"]["GtinType"];
export type Gtin = { type: GtinType; code: string };

/**
 * Turns a Shopify variant barcode into a Diller GTIN, or null when it is not one we can vouch for.
 *
 * Accepted (after removing spaces and hyphens, which merchants use to format ISBNs):
 * - 13 digits with a valid GS1 check digit: prefix 978/979 → `Isbn` (ISBN-13 = Bookland EAN), otherwise `EanGtin13`;
 * - 12 digits with a valid GS1 check digit → `UpcGtin12`.
 *
 * Rejected: anything else, including EAN-8, GTIN-14, all-zero codes and **ISBN-10**. ISBN-10 is not converted because a
 * Shopify barcode field is free text: a 10-digit internal code passes the ISBN-10 mod-11 check about one time in eleven,
 * and converting it would invent an ISBN. Sending no GTIN is always safe; sending a wrong one is not.
 */
export function parseGtin(barcode: string | null | undefined): Gtin | null {
  if (!barcode) return null;
  const code = barcode.trim().replace(/[\s-]/g, "");
  if (!/^\d+$/.test(code) || /^0+$/.test(code) || !hasValidGs1CheckDigit(code)) return null;
  if (code.length === 13) return { type: /^97[89]/.test(code) ? "Isbn" : "EanGtin13", code };
  if (code.length === 12) return { type: "UpcGtin12", code };
  return null;
}

/** GS1 mod-10: weights 3,1,3,… from the digit next to the check digit, leftwards. */
export function hasValidGs1CheckDigit(code: string): boolean {
  if (!/^\d{2,}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop();
  const sum = digits.reverse().reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return check === (10 - (sum % 10)) % 10;
}
