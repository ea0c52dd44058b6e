/** Test-only checks every mapped Diller body must pass. Never import from app code. */
import { expect } from "vitest";

import { createContractValidator } from "@diller/diller-sandbox";
import { Money } from "../money";
import type { ExactAmounts, MappedLine } from "../types";

/** What MappedTransaction and MappedRefund have in common. */
interface MappedBody {
  body: {
    currency: string;
    total: number;
    total_tax: number;
    total_discount: number;
    round_off_amount: number;
    origin: { channel?: string };
    payment_details: { payment_method: string; sub_total: number }[];
    details: { quantity: number; unit_price: number; discount: number; total_price: number; tax_percentage: number }[];
  };
  amounts: ExactAmounts;
  lines: MappedLine[];
}

let validator: ReturnType<typeof createContractValidator> | undefined;

function contract() {
  validator ??= createContractValidator();
  return validator;
}

/**
 * - Σ details.total_price + round_off_amount = total, exactly as decimals (each double read back through its text);
 * - every line: quantity × unit_price − discount = total_price exactly, discount ≥ 0, total_price ≥ 0, tax 0–100 %;
 * - total_discount ≥ 0 and = Σ line discounts; payment sub_totals add up to total (when there are any);
 * - origin.channel "OnlineStore"; the exact metadata agrees with the wire numbers;
 * - the body validates against the Diller OpenAPI contract (unknown fields rejected).
 */
export function expectValidDillerBody(
  mapped: MappedBody,
  schema: "CreateTransactionRequest" | "CreateRefundTransactionRequest",
) {
  const { body, amounts } = mapped;
  const currency = body.currency;
  const money = (value: number) => Money.parse(value, currency);
  const total = money(body.total);

  const lineSum = Money.sum(
    body.details.map((detail) => money(detail.total_price)),
    currency,
  );
  expect(lineSum.plus(money(body.round_off_amount)).toString(), "Σ total_price + round_off = total").toBe(
    total.toString(),
  );
  for (const detail of body.details) {
    const unit = money(detail.unit_price);
    expect(unit.times(detail.quantity).minus(money(detail.discount)).toString()).toBe(
      money(detail.total_price).toString(),
    );
    expect(money(detail.discount).isNegative()).toBe(false);
    expect(money(detail.total_price).isNegative()).toBe(false);
    expect(detail.tax_percentage).toBeGreaterThanOrEqual(0);
    expect(detail.tax_percentage).toBeLessThanOrEqual(100);
  }
  expect(money(body.total_discount).isNegative(), "total_discount ≥ 0").toBe(false);
  expect(money(body.total_discount).toString()).toBe(
    Money.sum(
      body.details.map((detail) => money(detail.discount)),
      currency,
    ).toString(),
  );
  if (body.payment_details.length > 0) {
    expect(
      Money.sum(
        body.payment_details.map((payment) => money(payment.sub_total)),
        currency,
      ).toString(),
    ).toBe(total.toString());
  }
  expect(body.origin.channel).toBe("OnlineStore");
  expect(amounts).toEqual({
    currency,
    total: total.toString(),
    totalTax: money(body.total_tax).toString(),
    totalDiscount: money(body.total_discount).toString(),
    roundOff: money(body.round_off_amount).toString(),
  });
  expect(mapped.lines).toHaveLength(body.details.length);
  expect(contract().validateComponent(schema, JSON.parse(JSON.stringify(body)))).toEqual([]);
}
