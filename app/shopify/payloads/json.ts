/**
 * `JSON.parse` for Shopify webhook bodies that keeps every digit of integers beyond 2^53 (ids) by handing them over as
 * strings. All other values parse exactly as with `JSON.parse`. Uses the reviver's source-text argument (Node ≥ 21).
 */
export function parseShopifyJson(text: string): unknown {
  // An integer beyond 2^53 is a number of at least 16 digits, and a JSON number starts the text or
  // follows `:`, `[` or `,`. Without one the reviver (a call per value, most of the parse's cost)
  // cannot change anything. Strings that merely look like one only take the slower path.
  if (!hasLongInteger(text)) return JSON.parse(text);
  return JSON.parse(text, (_key: string, value: unknown, ...rest: unknown[]) => {
    if (typeof value !== "number" || Number.isSafeInteger(value) || !Number.isInteger(value)) return value;
    const source = sourceText(rest[0]);
    return source !== null && /^-?\d+$/.test(source) ? source : value;
  });
}

const SIXTEEN_DIGITS = /\d{16}/g;

/**
 * Whether a run of 16 digits starts a JSON number: what precedes it, past an optional minus sign and
 * whitespace, is the start of the text, `:`, `[` or `,`. Finding the digit runs first and looking
 * back is several times faster than one regular expression that tries every separator.
 */
export function hasLongInteger(text: string): boolean {
  SIXTEEN_DIGITS.lastIndex = 0;
  for (let match = SIXTEEN_DIGITS.exec(text); match; match = SIXTEEN_DIGITS.exec(text)) {
    let before = match.index - 1;
    if (text[before] === "-") before--;
    while (before >= 0 && /\s/.test(text.charAt(before))) before--;
    if (before < 0 || ":[,".includes(text.charAt(before))) return true;
  }
  return false;
}

function sourceText(context: unknown): string | null {
  if (typeof context !== "object" || context === null || !("source" in context)) return null;
  return typeof context.source === "string" ? context.source : null;
}
