import { MoneyError } from "./money-error";

/** An exact decimal number: `units / 10^scale`. Used for rates and for amounts before they meet a currency. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a decimal written as text or as a JSON number ("12.30", "20", 89.99, "1e-7"). Numbers are read through their
 * shortest round-trip text, which is the text Shopify wrote for every amount a double can carry.
 */
export function parseDecimal(value: string | number): Decimal {
  const text = typeof value === "number" ? numberText(value) : value.trim();
  const match = DECIMAL_PATTERN.exec(text);
  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match ?? [];
  if (!match || (whole === "" && fraction === "")) throw new MoneyError("invalid_amount", "not a decimal number");
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 100) {
    throw new MoneyError("invalid_amount", "decimal exponent out of range");
  }
  const digits = BigInt(`${whole}${fraction}` || "0");
  let scale = fraction.length - exponent;
  let units = digits;
  if (scale < 0) {
    units = digits * 10n ** BigInt(-scale);
    scale = 0;
  }
  return normaliseDecimal({ units: sign === "-" ? -units : units, scale });
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new MoneyError("invalid_amount", "not a finite number");
  return String(value);
}

/** Drops trailing zero decimals: 12.300 → 12.3, so equal values compare equal. */
export function normaliseDecimal({ units, scale }: Decimal): Decimal {
  let u = units;
  let s = scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s -= 1;
  }
  return { units: u, scale: s };
}

/** Plain decimal text without exponent: { units: -1234, scale: 2 } → "-12.34". */
export function formatDecimal({ units, scale }: Decimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** Multiplies by 10^places exactly (e.g. a tax rate 0.08875 → percentage 8.875). */
export function shiftDecimal(value: Decimal, places: number): Decimal {
  const scale = value.scale - places;
  return scale >= 0
    ? normaliseDecimal({ units: value.units, scale })
    : { units: value.units * 10n ** BigInt(-scale), scale: 0 };
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normaliseDecimal({
    units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale),
    scale,
  });
}

export function compareDecimals(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * 10n ** BigInt(scale - a.scale);
  const right = b.units * 10n ** BigInt(scale - b.scale);
  return left === right ? 0 : left < right ? -1 : 1;
}

/** `numerator / denominator` rounded half-up (away from zero). The denominator must not be 0. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}
