export type TransactionMappingErrorCode =
  | "missing_external_id"
  | "missing_currency"
  | "currency_mismatch"
  | "invalid_amount"
  | "missing_date"
  | "unknown_tax_basis";

/**
 * The order cannot be mapped at all (as opposed to odd-but-usable data, which becomes a warning). The message names
 * fields and ids only, never customer data.
 */
export class TransactionMappingError extends Error {
  override readonly name = "TransactionMappingError";
  constructor(
    readonly code: TransactionMappingErrorCode,
    message: string,
  ) {
    super(message);
  }
}
