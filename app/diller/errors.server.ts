/** The Diller client's typed errors (errors/base.server.ts explains what messages carry) and how responses map to them. */
export {
  DillerAmbiguousFailureError,
  type DillerConfigProblem,
  DillerConfigError,
  DillerError,
  DillerInvalidInputError,
  DillerNetworkError,
  DillerUnexpectedResponseError,
  findDillerError,
} from "./errors/base.server";
export { isDuplicateTransactionError, saysDuplicateTransaction } from "./errors/duplicates.server";
export { errorFromResponse, type FailedResponse, messagesOf } from "./errors/from-response.server";
export {
  DillerAuthError,
  DillerHttpError,
  DillerNotFoundError,
  DillerRateLimitError,
  DillerServerError,
  DillerValidationError,
  type HttpErrorDetails,
  type ItemError,
} from "./errors/http.server";
