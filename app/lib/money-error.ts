export type MoneyErrorCode = "invalid_amount" | "excess_precision" | "currency_mismatch" | "invalid_currency";

/**
 * An amount that cannot be read or computed exactly. Decimal parsing and money arithmetic share it, so a caller
 * that maps a payload catches one error for a bad amount, whichever step found it.
 */
export class MoneyError extends Error {
  override readonly name = "MoneyError";
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
