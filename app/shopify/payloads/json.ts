/**
 * `JSON.parse` for Shopify webhook bodies that keeps every digit of integers beyond 2^53 (ids) by handing them over as
 * strings. All other values parse exactly as with `JSON.parse`. Uses the reviver's source-text argument (Node ≥ 21).
 */
export function parseShopifyJson(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, ...rest: unknown[]) => {
    if (typeof value !== "number" || Number.isSafeInteger(value) || !Number.isInteger(value)) return value;
    const source = sourceText(rest[0]);
    return source !== null && /^-?\d+$/.test(source) ? source : value;
  });
}

function sourceText(context: unknown): string | null {
  if (typeof context !== "object" || context === null || !("source" in context)) return null;
  return typeof context.source === "string" ? context.source : null;
}
