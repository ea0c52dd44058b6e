/**
 * `JSON.parse` for Shopify webhook bodies that keeps every digit of integers beyond 2^53 (ids) by handing them over as
 * strings. All other values parse exactly as with `JSON.parse`. Uses the reviver's source-text argument (Node ≥ 21).
 */
export function parseShopifyJson(text: string): unknown {
  // An integer beyond 2^53 is a number of at least 16 digits, and a JSON number starts the text or
  // follows `:`, `[` or `,`. Without one the reviver (a call per value, most of the parse's cost)
  // cannot change anything. Strings that merely look like one only take the slower path.
  if (!LONG_INTEGER.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key: string, value: unknown, ...rest: unknown[]) => {
    if (typeof value !== "number" || Number.isSafeInteger(value) || !Number.isInteger(value)) return value;
    const source = sourceText(rest[0]);
    return source !== null && /^-?\d+$/.test(source) ? source : value;
  });
}

const LONG_INTEGER = /(?:^|[:[,])\s*-?\d{16}/;

function sourceText(context: unknown): string | null {
  if (typeof context !== "object" || context === null || !("source" in context)) return null;
  return typeof context.source === "string" ? context.source : null;
}
