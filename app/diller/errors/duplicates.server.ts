import { messagesOf } from "./from-response.server";
import { DillerHttpError } from "./http.server";

const EXTERNAL_ID_KEY = /^(\$\.)?external_?id$/i;
const MENTIONS_EXTERNAL_ID = /external[\s_-]?(transaction[\s_-]?)?id/i;
const SAYS_DUPLICATE = /already (exists?|registered|used|been)|duplicate|not unique|must be unique|in use/i;
const DUPLICATE_TRANSACTION = /transaction.{0,60}(already exists|duplicate)|duplicate.{0,30}transaction/i;

/**
 * True when Diller rejected a createTransaction because a transaction with the same `external_id`
 * exists: the earlier attempt succeeded. ASSUMPTION (confirm on pre-release, docs/diller.md): the
 * answer is a 400 (or 409/422) whose problem `errors` has an `external_id`/`ExternalId` key, or whose
 * title/detail/details says the external id (or the transaction) already exists or is a duplicate.
 */
export function isDuplicateTransactionError(error: unknown): boolean {
  if (!(error instanceof DillerHttpError)) return false;
  if (![400, 409, 422].includes(error.status)) return false;
  const fieldMessages = Object.entries(error.problem?.errors ?? {})
    .filter(([field]) => EXTERNAL_ID_KEY.test(field))
    .map(([, messages]) => messages);
  if (fieldMessages.some((messages) => messages.length === 0 || messages.some((m) => SAYS_DUPLICATE.test(m)))) {
    return true;
  }
  return messagesOf(error.problem, error.body).some(saysDuplicateTransaction);
}

/** A message saying the transaction's external id is taken (see `isDuplicateTransactionError`). */
export function saysDuplicateTransaction(message: string): boolean {
  return (MENTIONS_EXTERNAL_ID.test(message) && SAYS_DUPLICATE.test(message)) || DUPLICATE_TRANSACTION.test(message);
}
