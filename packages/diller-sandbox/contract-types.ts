/** The contract validator's public shapes (re-exported by contract.ts). */
import { type ContractOperation } from "./contract-document";
import { type OperationId, type OperationInput, type SchemaName, type Schemas } from "./operation-types";
import { type RouteMatch } from "./router";

export interface ContractError {
  /** Field path in the body (`details[0].quantity`), a parameter name (`stampId`), or `$` for the whole body. */
  field: string;
  message: string;
}

export type QueryInput = URLSearchParams | Record<string, string | readonly string[] | undefined>;

export interface RequestToValidate {
  method: string;
  /** Path, optionally with a query string, e.g. `/api/v2.0/stores/x/members/search?email=a@example.com`. */
  path: string;
  query?: QueryInput;
  /** Parsed JSON body (or, for the token endpoint, the form as a string, URLSearchParams or object). */
  body?: unknown;
}

export type RequestValidation =
  | { ok: true; operationId: string; pathParams: Record<string, unknown>; query: Record<string, unknown> }
  | { ok: false; operationId?: string; errors: ContractError[] };

export interface ResponseToValidate {
  operationId: string;
  status: number;
  /** Parsed JSON body; undefined when the response had none. */
  body: unknown;
}

export interface ResponseValidation {
  ok: boolean;
  /** False when the contract does not declare this status; 4xx/5xx bodies are then checked as ApiError. */
  declared: boolean;
  errors: ContractError[];
}

export interface RawOperationInput {
  pathParams: Record<string, string>;
  query: QueryInput;
  /** undefined when the request had no body. */
  body: unknown;
}

export type OperationInputResult<O extends OperationId> =
  { ok: true; input: OperationInput<O> } | { ok: false; errors: ContractError[] };

export interface ContractValidatorOptions {
  /** Ignore JSON fields the contract does not define (default false: they are reported). */
  allowUnknownFields?: boolean;
}

export interface ContractValidator {
  readonly operations: readonly ContractOperation[];
  operation(operationId: string): ContractOperation | undefined;
  matchRoute(method: string, pathname: string): RouteMatch;
  validateRequest(request: RequestToValidate): RequestValidation;
  validateResponse(response: ResponseToValidate): ResponseValidation;
  /** Checks a value against one component schema, e.g. `validateComponent("MemberResponse", body)`. */
  validateComponent(name: SchemaName, value: unknown): ContractError[];
  isComponent<N extends SchemaName>(name: N, value: unknown): value is Schemas[N];
  /** Coerces and validates one request for a known operation; the typed input feeds the handlers. */
  parseOperationInput<O extends OperationId>(operationId: O, raw: RawOperationInput): OperationInputResult<O>;
  /** Name of the schema the contract declares for a status: `ApiError`, `ActionResponse`, `UpdateBatchStatus[]`… */
  responseSchemaName(operationId: string, status: number): string | undefined;
}
