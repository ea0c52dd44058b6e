/** Request checks shared by purchases and refunds: money fields against the store, line tax rates. */
import { type Schemas } from "../operation-types";
import { type FieldErrors } from "../problem";
import { type StoreState } from "../state/schema";

type MoneyFields = Pick<Schemas["CreateTransactionRequest"], "total" | "currency" | "department_id" | "origin">;

export function checkMoney(store: StoreState, request: MoneyFields): FieldErrors {
  const errors: FieldErrors = {};
  if (request.total === undefined) errors.total = ["The total field is required."];
  else if (request.total < 0) errors.total = ["The total must not be negative."];
  const currency = store.profile.currency;
  if (request.currency !== undefined && currency && request.currency.toUpperCase() !== currency.toUpperCase()) {
    errors.currency = [`The store's currency is ${currency}, not ${request.currency}.`];
  }
  if (
    request.department_id !== undefined &&
    !store.departments.some((department) => department.id === request.department_id)
  ) {
    errors.department_id = [`Unknown department '${request.department_id}'.`];
  }
  // The origin names a department too (a POS register's); the sandbox holds it to the same list.
  const originDepartment = request.origin?.department_id;
  if (originDepartment !== undefined && !store.departments.some((department) => department.id === originDepartment)) {
    errors["origin.department_id"] = [`Unknown department '${originDepartment}'.`];
  }
  return errors;
}

export function checkLines(
  lines: ReadonlyArray<{ tax_percentage?: number; quantity?: number }> | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  lines?.forEach((line, index) => {
    if (line.tax_percentage !== undefined && (line.tax_percentage < 0 || line.tax_percentage > 100)) {
      errors[`details[${index}].tax_percentage`] = ["The tax percentage must be between 0 and 100."];
    }
  });
  return errors;
}
