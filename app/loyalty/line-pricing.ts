import { addDecimals, compareDecimals, divideRoundHalfUp, Money, shiftDecimal, type Decimal } from "./money";

export interface LinePriceInput {
  /** Shopify unit price, in the order's tax basis. */
  unitPrice: Money;
  quantity: number;
  /** Discount allocated to the whole line, same basis. */
  discount: Money;
  /** Tax charged on the line (Shopify computes it on the discounted amount). */
  tax: Money;
  nominalRate: Decimal | null;
  chargedRate: Decimal | null;
  taxable: boolean;
  taxesIncluded: boolean;
}

/** A line as Diller wants it: incl. tax, `totalPrice = quantity × unitPrice − discount` exactly. */
export interface PricedLine {
  quantity: number;
  unitPrice: Money;
  discount: Money;
  totalPrice: Money;
  /** Exact amount paid for the line incl. tax; differs from totalPrice only by unit-price rounding. */
  value: Money;
  tax: Money;
  taxPercentage: Decimal;
}

const ZERO: Decimal = { units: 0n, scale: 0 };
const HUNDRED: Decimal = { units: 100n, scale: 0 };

/**
 * Expresses a Shopify line incl. tax.
 *
 * - Tax-inclusive shops: Shopify's price and discounts already include tax; nothing is rounded.
 * - Tax-exclusive shops: the line's own effective rate `(base + tax) / base` (base = price × qty − discount) is applied
 *   to the unit price and to the discount, each rounded half-up once. Using the effective rate (not the nominal one)
 *   reproduces Shopify's figures: 749.95 + 539.97 ÷ 4 = 884.9425 → 884.94. The line's exact `value` stays
 *   base + tax; the caller books `value` in `total` and carries Σ(value − totalPrice) in `round_off_amount`.
 * - A fully discounted tax-exclusive line (base 0) uses the nominal rate of its tax lines, so a 100 % discount shows
 *   as unit price incl. tax with an equal discount and a total of 0.
 */
export function priceLine(input: LinePriceInput, label: string, warnings: string[]): PricedLine {
  const { unitPrice, quantity, taxesIncluded } = input;
  const gross = unitPrice.times(quantity);
  let discount = input.discount;
  if (discount.isNegative()) {
    warnings.push(`${label}: negative discount ${discount} ignored`);
    discount = Money.zero(discount.currency);
  }
  if (discount.compare(gross) > 0) {
    warnings.push(`${label}: discount ${discount} exceeds price × quantity ${gross}; capped`);
    discount = gross;
  }
  const base = gross.minus(discount);
  const tax = input.tax;
  const value = taxesIncluded ? base : base.plus(tax);

  let dillerUnit = unitPrice;
  let dillerDiscount = discount;
  if (!taxesIncluded && base.isPositive()) {
    dillerUnit = unitPrice.scaled(value.minor, base.minor);
    dillerDiscount = discount.scaled(value.minor, base.minor);
  } else if (!taxesIncluded && base.isZero() && input.taxable && input.nominalRate) {
    dillerUnit = unitPrice.multipliedBy(addDecimals({ units: 1n, scale: 0 }, input.nominalRate));
    dillerDiscount = dillerUnit.times(quantity);
  }
  const dillerGross = dillerUnit.times(quantity);
  dillerDiscount = dillerDiscount.min(dillerGross);
  if (base.isZero()) dillerDiscount = dillerGross;

  return {
    quantity,
    unitPrice: dillerUnit,
    discount: dillerDiscount,
    totalPrice: dillerGross.minus(dillerDiscount),
    value,
    tax,
    taxPercentage: taxPercentage(input, base, value),
  };
}

function taxPercentage(input: LinePriceInput, base: Money, value: Money): Decimal {
  const { tax, chargedRate, nominalRate, taxable, taxesIncluded } = input;
  let percentage = ZERO;
  if (tax.isPositive()) {
    const net = taxesIncluded ? value.minus(tax) : base;
    if (chargedRate) percentage = shiftDecimal(chargedRate, 2);
    else if (net.isPositive()) percentage = { units: divideRoundHalfUp(tax.minor * 10_000n, net.minor), scale: 2 };
  } else if (base.isZero() && taxable && nominalRate) {
    percentage = shiftDecimal(nominalRate, 2);
  }
  if (compareDecimals(percentage, ZERO) < 0) return ZERO;
  return compareDecimals(percentage, HUNDRED) > 0 ? HUNDRED : percentage;
}
