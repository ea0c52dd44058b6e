import type { ShopifyMoneyBag } from "~/shopify/payloads/money";
import type { ShopifyOrder } from "~/shopify/payloads/order";
import type { ShopifyDiscountAllocation, ShopifyLineItem, ShopifyTaxLine } from "~/shopify/payloads/line-item";

import { TransactionMappingError } from "./errors";
import { addDecimals, Money, MoneyError, parseDecimal, type Decimal } from "./money";

/**
 * The money facts of an order in shop currency, read once from the payload: per line the Shopify unit price, quantity,
 * allocated discount and tax (all in the order's tax basis: incl. tax when `taxes_included`), per shipping line the same.
 * Everything downstream works on these facts, so the remainder after refunds is "the same facts with less in them".
 */
export interface LineFacts {
  line: ShopifyLineItem;
  lineItemId: string;
  giftCard: boolean;
  taxable: boolean;
  unitPrice: Money;
  quantity: number;
  /** Σ discount_allocations (line-level and order-level discounts); never the deprecated `total_discount`. */
  discount: Money;
  tax: Money;
  /** Σ of the tax lines' rates (0.18 for IGST 18 %), null when no tax line states a rate. */
  nominalRate: Decimal | null;
  /** Same, counting only tax lines that charged something. */
  chargedRate: Decimal | null;
}

export interface ShippingFacts {
  shippingLineId: string | null;
  title: string;
  price: Money;
  discount: Money;
  tax: Money;
  nominalRate: Decimal | null;
  chargedRate: Decimal | null;
}

export interface OrderFacts {
  currency: string;
  taxesIncluded: boolean;
  lines: LineFacts[];
  shipping: ShippingFacts[];
}

/** The shop currency: `currency`, else the currency of `total_price_set.shop_money`. */
export function shopCurrency(order: ShopifyOrder): string {
  const currency = order.currency ?? order.total_price_set?.shop_money.currency_code;
  if (!currency) throw new TransactionMappingError("missing_currency", `order ${order.id} has no shop currency`);
  return currency;
}

/**
 * Reads an amount in shop money: the `*_set.shop_money` when present (required for multi-currency orders, where the
 * presentment amounts differ), else the plain field, which Shopify states in shop currency.
 */
export function readAmount(
  currency: string,
  set: ShopifyMoneyBag | null | undefined,
  plain: string | null | undefined,
  label: string,
): Money | null {
  if (set) {
    if (set.shop_money.currency_code !== currency) {
      throw new TransactionMappingError(
        "currency_mismatch",
        `${label} is in ${set.shop_money.currency_code}, the shop currency is ${currency}`,
      );
    }
    return parseAmount(set.shop_money.amount, currency, label);
  }
  return plain == null ? null : parseAmount(plain, currency, label);
}

function parseAmount(amount: string, currency: string, label: string): Money {
  try {
    return Money.parse(amount, currency);
  } catch (error) {
    if (error instanceof MoneyError) {
      throw new TransactionMappingError("invalid_amount", `${label}: ${error.message}`);
    }
    throw error;
  }
}

export function sumAllocations(
  currency: string,
  allocations: readonly ShopifyDiscountAllocation[],
  label: string,
): Money {
  return Money.sum(
    allocations
      .map((allocation, index) =>
        readAmount(currency, allocation.amount_set, allocation.amount, `${label} discount_allocations[${index}]`),
      )
      .map((amount) => amount ?? Money.zero(currency)),
    currency,
  );
}

function taxOf(currency: string, taxLines: readonly ShopifyTaxLine[], label: string) {
  let tax = Money.zero(currency);
  let nominalRate: Decimal | null = null;
  let chargedRate: Decimal | null = null;
  taxLines.forEach((taxLine, index) => {
    const amount = readAmount(currency, taxLine.price_set, taxLine.price, `${label} tax_lines[${index}]`);
    tax = amount ? tax.plus(amount) : tax;
    if (taxLine.rate == null) return;
    const rate = parseDecimal(taxLine.rate);
    nominalRate = nominalRate ? addDecimals(nominalRate, rate) : rate;
    if (amount && !amount.isZero()) chargedRate = chargedRate ? addDecimals(chargedRate, rate) : rate;
  });
  return { tax, nominalRate, chargedRate };
}

export function lineFacts(currency: string, line: ShopifyLineItem, warnings: string[]): LineFacts {
  const label = `line_item ${line.id}`;
  const unitPrice = readAmount(currency, line.price_set, line.price, `${label} price`) ?? Money.zero(currency);
  const discount = sumAllocations(currency, line.discount_allocations, label);
  const deprecatedDiscount = readAmount(
    currency,
    line.total_discount_set,
    line.total_discount,
    `${label} total_discount`,
  );
  if (line.discount_allocations.length === 0 && deprecatedDiscount?.isPositive()) {
    warnings.push(`${label}: deprecated total_discount ${deprecatedDiscount} without discount_allocations was ignored`);
  }
  return {
    line,
    lineItemId: line.id,
    giftCard: line.gift_card,
    taxable: line.taxable !== false,
    unitPrice,
    quantity: line.quantity,
    discount,
    ...taxOf(currency, line.tax_lines, label),
  };
}

export function orderFacts(order: ShopifyOrder, warnings: string[]): OrderFacts {
  const currency = shopCurrency(order);
  const lines = order.line_items.filter((line) => line.quantity > 0).map((line) => lineFacts(currency, line, warnings));
  const shipping = order.shipping_lines
    .filter((shippingLine) => shippingLine.is_removed !== true)
    .map((shippingLine, index): ShippingFacts => {
      const label = `shipping_line ${shippingLine.id ?? index}`;
      const price =
        readAmount(currency, shippingLine.price_set, shippingLine.price, `${label} price`) ?? Money.zero(currency);
      const allocated = sumAllocations(currency, shippingLine.discount_allocations, label);
      const discounted = readAmount(
        currency,
        shippingLine.discounted_price_set,
        shippingLine.discounted_price,
        `${label} discounted_price`,
      );
      // Allocations are the truth when present; older payloads show a shipping discount only in discounted_price.
      const fromDiscountedPrice = discounted && discounted.compare(price) < 0 ? price.minus(discounted) : null;
      const discount = shippingLine.discount_allocations.length > 0 ? allocated : (fromDiscountedPrice ?? allocated);
      if (discounted && !price.minus(discount).equals(discounted)) {
        warnings.push(`${label}: discounted_price ${discounted} ≠ price ${price} − discounts ${discount}`);
      }
      return {
        shippingLineId: shippingLine.id ?? null,
        title: shippingLine.title?.trim() || shippingLine.code?.trim() || "Shipping",
        price,
        discount,
        ...taxOf(currency, shippingLine.tax_lines, label),
      };
    });

  const anyTax = [...lines, ...shipping].some((facts) => !facts.tax.isZero());
  if (order.taxes_included == null && anyTax) {
    throw new TransactionMappingError(
      "unknown_tax_basis",
      `order ${order.id} charges tax but does not say whether prices include it (taxes_included)`,
    );
  }
  return { currency, taxesIncluded: order.taxes_included === true, lines, shipping };
}
