import type { ProductInfo } from "~/shopify/admin-gateway";

import { TransactionMappingError } from "./errors";
import { priceLine, type PricedLine } from "./line-pricing";
import { formatDecimal, Money } from "./money";
import type { OrderFacts } from "./order-facts";
import { productDetail, productInfoFor, shippingProduct } from "./product";
import type { DillerProduct, DillerTransactionDetail, ExactAmounts, LineSource, MappedLine } from "./types";

export interface PricedDetail {
  source: LineSource;
  product: DillerProduct;
  priced: PricedLine;
}

export interface AssemblyInput {
  facts: OrderFacts;
  includeShipping: boolean;
  products?: ReadonlyMap<string, ProductInfo>;
  /** Money returned without items (goodwill refunds): taken off the lines as extra discount, pro rata. */
  extraDiscount?: Money;
  /** Money that stays paid but belongs to no line (kept on returned items): carried in round_off_amount. */
  unattributed?: Money;
}

export interface Assembly {
  currency: string;
  details: PricedDetail[];
  total: Money;
  totalTax: Money;
  totalDiscount: Money;
  /** total − Σ details.totalPrice: positive when the buyer paid more than the (rounded) lines show. */
  roundOff: Money;
  excludedGiftCards: Money;
  excludedShipping: Money;
}

/**
 * Prices every line and builds the totals so they add up: `total = Σ totalPrice + roundOff`, exactly.
 *
 * In scope (the loyalty purchase): non-gift-card lines with quantity > 0 (zero-price lines included: they are part of
 * the basket, count for stamp cards and cost nothing), and — only when `includeShipping` — shipping lines whose price is
 * not 0, as a synthetic "shipping" product. `total` is the exact amount paid for what is in scope, so with shipping off
 * it excludes shipping (and its discount and tax) entirely; gift-card purchases are never in scope.
 */
export function assemble(input: AssemblyInput, warnings: string[]): Assembly {
  const { facts } = input;
  const { currency } = facts;
  const zero = Money.zero(currency);
  let excludedGiftCards = zero;
  let excludedShipping = zero;
  const details: PricedDetail[] = [];

  for (const line of facts.lines) {
    if (line.quantity <= 0) continue;
    const priced = priceLine({ ...line, taxesIncluded: facts.taxesIncluded }, `line_item ${line.lineItemId}`, warnings);
    if (line.giftCard) {
      excludedGiftCards = excludedGiftCards.plus(priced.value);
      continue;
    }
    details.push({
      source: { kind: "line_item", lineItemId: line.lineItemId },
      product: productDetail(line.line, productInfoFor(line.line, input.products)),
      priced,
    });
  }

  for (const shipping of facts.shipping) {
    const priced = priceLine(
      { ...shipping, quantity: 1, unitPrice: shipping.price, taxable: true, taxesIncluded: facts.taxesIncluded },
      `shipping_line ${shipping.shippingLineId ?? shipping.title}`,
      warnings,
    );
    if (!input.includeShipping || shipping.price.isZero()) {
      excludedShipping = excludedShipping.plus(priced.value);
      continue;
    }
    details.push({
      source: { kind: "shipping_line", shippingLineId: shipping.shippingLineId },
      product: shippingProduct(shipping.title),
      priced,
    });
  }

  if (input.extraDiscount?.isPositive()) applyExtraDiscount(details, input.extraDiscount, warnings);

  const sum = (pick: (priced: PricedLine) => Money) =>
    Money.sum(
      details.map((detail) => pick(detail.priced)),
      currency,
    );
  const total = sum((priced) => priced.value).plus(input.unattributed ?? zero);
  const lineTotal = sum((priced) => priced.totalPrice);
  return {
    currency,
    details,
    total,
    totalTax: sum((priced) => priced.tax),
    totalDiscount: sum((priced) => priced.discount),
    roundOff: total.minus(lineTotal),
    excludedGiftCards,
    excludedShipping,
  };
}

function applyExtraDiscount(details: PricedDetail[], extra: Money, warnings: string[]): void {
  const available = Money.sum(
    details.map((detail) => detail.priced.totalPrice),
    extra.currency,
  );
  const applied = extra.min(available);
  if (applied.compare(extra) < 0) {
    warnings.push(
      `refunded ${extra} without items but only ${available} is left on the lines; ${extra.minus(applied)} not applied`,
    );
  }
  if (details.length === 0 || applied.isZero()) return;
  const shares = applied.allocate(details.map((detail) => detail.priced.totalPrice.minor));
  details.forEach((detail, index) => {
    const share = shares[index] ?? Money.zero(extra.currency);
    detail.priced = {
      ...detail.priced,
      discount: detail.priced.discount.plus(share),
      totalPrice: detail.priced.totalPrice.minus(share),
      value: detail.priced.value.minus(share),
    };
  });
}

export function exactAmounts(assembly: Assembly): ExactAmounts {
  return {
    currency: assembly.currency,
    total: assembly.total.toString(),
    totalTax: assembly.totalTax.toString(),
    totalDiscount: assembly.totalDiscount.toString(),
    roundOff: assembly.roundOff.toString(),
  };
}

export function mappedLine(detail: PricedDetail): MappedLine {
  return { source: detail.source, paid: detail.priced.value.toString() };
}

export function wireDetail(detail: PricedDetail): DillerTransactionDetail {
  const { priced } = detail;
  return {
    product: detail.product,
    quantity: priced.quantity,
    unit_price: priced.unitPrice.toNumber(),
    tax_percentage: Number(formatDecimal(priced.taxPercentage)),
    discount: priced.discount.toNumber(),
    total_price: priced.totalPrice.toNumber(),
  };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The first usable timestamp, as ISO 8601 (Shopify's own text, offset kept, when it already is ISO 8601). */
export function isoDateTime(candidates: readonly (string | null | undefined)[], label: string): string {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const time = Date.parse(candidate);
    if (Number.isNaN(time)) continue;
    return ISO_DATE_TIME.test(candidate) ? candidate : new Date(time).toISOString();
  }
  throw new TransactionMappingError("missing_date", `${label} has no usable date`);
}
