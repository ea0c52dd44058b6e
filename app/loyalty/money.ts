/**
 * Exact money arithmetic for the Shopify → Diller mapping.
 *
 * Amounts are integers of the currency's minor unit (bigint, so no float drift and no 2^53 limit). The exponent follows
 * ISO 4217: 0 for JPY, KRW, VND…, 3 for BHD, KWD…, 4 for CLF/UYW, 2 for everything else (including codes we do not know).
 *
 * Rules used everywhere in the mapping:
 * - Derived amounts (a tax-inclusive unit price, a proportional share) are rounded **half-up, away from zero**, once,
 *   to the currency's minor unit — the rounding Shopify's own checks (CHECKS.md, Python `ROUND_HALF_UP`) use.
 * - Splitting an amount into parts uses the **largest-remainder** method: every part gets the floor of its exact share,
 *   then the leftover minor units go one each to the parts with the largest remainders (ties: the earlier part). The
 *   parts always add up to the whole, exactly.
 * - Parsing never rounds: an amount with more (non-zero) decimals than its currency allows is rejected, because it means
 *   the payload and our currency table disagree and guessing would move money.
 */
import { assertCurrencyCode, currencyExponent, MoneyError } from "./currency";
import { type Decimal, divideRoundHalfUp, formatDecimal, normaliseDecimal, parseDecimal } from "~/lib/decimal";

export { currencyExponent, MoneyError, type MoneyErrorCode } from "./currency";
export {
  addDecimals,
  compareDecimals,
  type Decimal,
  divideRoundHalfUp,
  formatDecimal,
  parseDecimal,
  shiftDecimal,
} from "~/lib/decimal";

/** An amount in one currency, held as an integer number of minor units. Immutable. */
export class Money {
  private constructor(
    readonly minor: bigint,
    readonly currency: string,
  ) {}

  static ofMinor(minor: bigint, currency: string): Money {
    assertCurrencyCode(currency);
    return new Money(minor, currency);
  }

  static zero(currency: string): Money {
    return Money.ofMinor(0n, currency);
  }

  /** Exact parse of "186.90", "20", 89.99…; more decimals than the currency has are accepted only if they are zeros. */
  static parse(amount: string | number | Decimal, currency: string): Money {
    assertCurrencyCode(currency);
    const decimal = typeof amount === "object" ? normaliseDecimal(amount) : parseDecimal(amount);
    const exponent = currencyExponent(currency);
    if (decimal.scale > exponent) {
      throw new MoneyError(
        "excess_precision",
        `${formatDecimal(decimal)} has more decimals than ${currency} allows (${exponent})`,
      );
    }
    return new Money(decimal.units * 10n ** BigInt(exponent - decimal.scale), currency);
  }

  static sum(values: readonly Money[], currency: string): Money {
    return values.reduce((total, value) => total.plus(value), Money.zero(currency));
  }

  get exponent(): number {
    return currencyExponent(this.currency);
  }

  plus(other: Money): Money {
    return new Money(this.minor + this.same(other).minor, this.currency);
  }

  minus(other: Money): Money {
    return new Money(this.minor - this.same(other).minor, this.currency);
  }

  negated(): Money {
    return new Money(-this.minor, this.currency);
  }

  /** Exact multiplication by a whole number (a quantity). */
  times(factor: number | bigint): Money {
    if (typeof factor === "number" && !Number.isSafeInteger(factor)) throw new RangeError("factor must be an integer");
    return new Money(this.minor * BigInt(factor), this.currency);
  }

  /** `this × numerator / denominator`, rounded half-up to the minor unit. */
  scaled(numerator: bigint, denominator: bigint): Money {
    return new Money(divideRoundHalfUp(this.minor * numerator, denominator), this.currency);
  }

  /** `this × factor` for an exact decimal factor (e.g. 1.23), rounded half-up to the minor unit. */
  multipliedBy(factor: Decimal): Money {
    return this.scaled(factor.units, 10n ** BigInt(factor.scale));
  }

  isZero(): boolean {
    return this.minor === 0n;
  }

  isNegative(): boolean {
    return this.minor < 0n;
  }

  isPositive(): boolean {
    return this.minor > 0n;
  }

  compare(other: Money): -1 | 0 | 1 {
    const o = this.same(other).minor;
    return this.minor === o ? 0 : this.minor < o ? -1 : 1;
  }

  equals(other: Money): boolean {
    return this.compare(other) === 0;
  }

  min(other: Money): Money {
    return this.compare(other) <= 0 ? this : other;
  }

  max(other: Money): Money {
    return this.compare(other) >= 0 ? this : other;
  }

  /**
   * Splits this amount into parts proportional to `weights` (largest remainder; ties go to the earlier part). The parts
   * add up to this amount exactly. With no positive weight the amount is split evenly.
   */
  allocate(weights: readonly bigint[]): Money[] {
    if (weights.length === 0) throw new RangeError("allocate needs at least one weight");
    if (weights.some((weight) => weight < 0n)) throw new RangeError("weights must not be negative");
    const effective = weights.some((weight) => weight > 0n) ? weights : weights.map(() => 1n);
    const totalWeight = effective.reduce((sum, weight) => sum + weight, 0n);
    const negative = this.minor < 0n;
    const amount = negative ? -this.minor : this.minor;
    const shares = effective.map((weight, index) => ({
      index,
      floor: (amount * weight) / totalWeight,
      remainder: (amount * weight) % totalWeight,
    }));
    let leftover = amount - shares.reduce((sum, share) => sum + share.floor, 0n);
    const byRemainder = [...shares].sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
    const extra = new Set<number>();
    for (const share of byRemainder) {
      if (leftover === 0n) break;
      extra.add(share.index);
      leftover -= 1n;
    }
    return shares.map((share) => {
      const minor = share.floor + (extra.has(share.index) ? 1n : 0n);
      return new Money(negative ? -minor : minor, this.currency);
    });
  }

  toDecimal(): Decimal {
    return { units: this.minor, scale: this.exponent };
  }

  /** Decimal text with exactly the currency's decimals: "186.90", "20" (VND), "1.381" (BHD). */
  toString(): string {
    return formatDecimal(this.toDecimal());
  }

  /** The wire value for Diller's `double` fields; `JSON.stringify` prints it back as the same decimal text. */
  toNumber(): number {
    return Number(this.toString());
  }

  private same(other: Money): Money {
    if (other.currency !== this.currency) {
      throw new MoneyError("currency_mismatch", `cannot combine ${this.currency} with ${other.currency}`);
    }
    return other;
  }
}
