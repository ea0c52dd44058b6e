import { Money, MoneyError } from "./money";
import type { DillerPaymentDetail } from "./types";

export interface PaymentInput {
  /** The amount the payment details must add up to (`total` of the Diller body). */
  total: Money;
  /** Gateways in the order they appear (`payment_gateway_names`, or refund transactions' gateways). */
  gatewayNames: readonly string[];
  /** Known per-gateway amounts (shop currency); several entries of one gateway are added up. */
  payments?: readonly { gateway: string; amount: string }[];
}

/**
 * One entry per gateway whose `sub_total`s add up to `total` exactly.
 *
 * - Known amounts: each gateway keeps its share. When they add up to something other than `total` (e.g. shipping or
 *   a gift-card purchase is not part of `total`, or a tip was paid), `total` is split in proportion to them
 *   (largest remainder), because Diller's `total` is the loyalty amount, not the charge.
 * - One gateway name, no amounts: that gateway gets the whole total.
 * - Several gateway names, no amounts: the split is unknown, so ONE entry names all gateways ("gift_card + shopify_payments")
 *   with the whole total — no invented split (warning).
 * - No gateway at all: an empty list (warning when `total` is not 0) — nothing is invented.
 */
export function paymentDetails(input: PaymentInput, warnings: string[]): DillerPaymentDetail[] {
  const { total } = input;
  const known = knownAmounts(input, warnings);
  if (known.length > 0) {
    const paid = Money.sum(
      known.map((entry) => entry.amount),
      total.currency,
    );
    const shares = paid.equals(total)
      ? known.map((entry) => entry.amount)
      : total.allocate(known.map((entry) => entry.amount.minor));
    return known.map((entry, index) => ({
      payment_method: entry.gateway,
      sub_total: (shares[index] ?? Money.zero(total.currency)).toNumber(),
    }));
  }

  const names = unique(input.gatewayNames.map((name) => name.trim()).filter(Boolean));
  if (names.length === 0) {
    if (!total.isZero()) warnings.push("no payment gateway known: payment_details left empty");
    return [];
  }
  if (names.length > 1) {
    warnings.push(`amounts per gateway unknown for ${names.join(", ")}: one combined payment_details entry`);
  }
  return [{ payment_method: names.join(" + "), sub_total: total.toNumber() }];
}

function knownAmounts(input: PaymentInput, warnings: string[]): { gateway: string; amount: Money }[] {
  const byGateway = new Map<string, Money>();
  for (const payment of input.payments ?? []) {
    const gateway = payment.gateway.trim() || "unknown";
    let amount: Money;
    try {
      amount = Money.parse(payment.amount, input.total.currency);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      warnings.push(`payment amount for ${gateway} unreadable: ${error.message}`);
      continue;
    }
    if (!amount.isPositive()) continue;
    byGateway.set(gateway, (byGateway.get(gateway) ?? Money.zero(input.total.currency)).plus(amount));
  }
  return [...byGateway].map(([gateway, amount]) => ({ gateway, amount }));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
