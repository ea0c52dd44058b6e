/**
 * Static types of each contract operation's input and output, derived from the generated
 * `operations` type, so handlers are checked against the contract at compile time.
 */
import type { components, operations } from "@diller/diller-contract";

export type Schemas = components["schemas"];
export type SchemaName = keyof Schemas;

export type OperationId = keyof operations;
/** Every operation except the token endpoint, which is OAuth rather than Retailer API. */
export type ApiOperationId = Exclude<OperationId, "requestAccessToken">;

type OrEmpty<T> = [T] extends [never] ? Record<string, never> : T;
type Parameters<O extends OperationId> = operations[O]["parameters"];

export type PathParamsOf<O extends OperationId> = OrEmpty<NonNullable<Parameters<O>["path"]>>;
export type QueryOf<O extends OperationId> = OrEmpty<NonNullable<Parameters<O>["query"]>>;

type RequestBodyOf<O extends OperationId> = NonNullable<operations[O]["requestBody"]>;
export type BodyOf<O extends OperationId> = [RequestBodyOf<O>] extends [never]
  ? undefined
  : RequestBodyOf<O> extends { content: { "application/json": infer Body } }
    ? Body
    : undefined;

/** A request after coercion and contract validation. `body` is undefined when none was sent. */
export interface OperationInput<O extends OperationId> {
  path: PathParamsOf<O>;
  query: QueryOf<O>;
  body?: BodyOf<O>;
}

type ResponsesOf<O extends OperationId> = operations[O]["responses"];
type JsonBodyOf<Response> = Response extends { content: { "application/json": infer Body } } ? Body : undefined;

/** One of the responses the contract declares for the operation, with its typed body. */
export type DeclaredResponse<O extends OperationId> = {
  [Status in keyof ResponsesOf<O>]: { status: Status; body: JsonBodyOf<ResponsesOf<O>[Status]> };
}[keyof ResponsesOf<O>];
