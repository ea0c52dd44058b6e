import { z } from "zod";

import { formatDecimal, parseDecimal } from "~/lib/decimal";
import { MoneyError } from "~/lib/money-error";

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A money amount as Shopify sends it — usually a string ("186.90", VND "20"), sometimes a JSON number (refund
 * `subtotal` 89.99, `amount_set` 10). Normalised to plain decimal text without exponent; plain strings are kept as sent,
 * so "186.90" stays "186.90". It is not rounded or scaled: the currency's exponent is applied by the mapping.
 */
export const DecimalAmountSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === "string" && PLAIN_DECIMAL.test(value)) return value;
  try {
    return formatDecimal(parseDecimal(value));
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    ctx.addIssue({ code: "custom", message: "not a decimal amount" });
    return z.NEVER;
  }
});

/** A tax rate (0.18) as number or string, normalised like an amount. */
export const RateSchema = DecimalAmountSchema;

const MoneySchema = z.object({
  amount: DecimalAmountSchema,
  currency_code: z.string(),
});

/**
 * Shopify's `*_set`: the amount in the shop's currency (`shop_money`, what the mapping uses) and in the currency the
 * buyer saw (`presentment_money`, different on multi-currency orders).
 */
export const MoneyBagSchema = z.object({
  shop_money: MoneySchema,
  presentment_money: MoneySchema.nullish(),
});

export type ShopifyMoneyBag = z.output<typeof MoneyBagSchema>;
