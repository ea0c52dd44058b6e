/**
 * Validates traffic against the Diller OpenAPI contract with Ajv: requests (path and query parameters
 * coerced from strings, JSON bodies) and responses (per operation and status). The sandbox uses it on
 * every exchange; other tests can use it to check what a client sends.
 *
 * Unknown JSON fields are errors by default (the contract lists every field; an unknown one is usually a
 * camelCase/snake_case slip that the real API would silently drop). Pass `allowUnknownFields: true` to
 * ignore them instead.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";

import { type ContractOperation, type ContractParameter, loadContractDocument } from "./contract-document";
import { isObject, type JsonSchema, openApiSchemaToJsonSchema } from "./openapi-to-json-schema";
import { type OperationId, type OperationInput, type SchemaName, type Schemas } from "./operation-types";
import { createRouter, type RouteMatch } from "./router";

export { DEFAULT_OPENAPI_PATH, type ContractOperation } from "./contract-document";
export type { SchemaName } from "./operation-types";

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

const CONTRACT_SCHEMA_ID = "https://diller-sandbox.invalid/contract.json";
const DEFINITIONS = `${CONTRACT_SCHEMA_ID}#/definitions/`;

export function createContractValidator(
  openapiYamlPath?: string,
  { allowUnknownFields = false }: ContractValidatorOptions = {},
): ContractValidator {
  const document = loadContractDocument(openapiYamlPath);
  const conversion = { refPrefix: DEFINITIONS, closeObjects: !allowUnknownFields };
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormatsPlugin(ajv);
  ajv.addSchema({
    $id: CONTRACT_SCHEMA_ID,
    definitions: Object.fromEntries(
      Object.entries(document.schemas).map(([name, schema]) => [name, openApiSchemaToJsonSchema(schema, conversion)]),
    ),
  });

  const operationsById = new Map(document.operations.map((operation) => [operation.operationId, operation]));
  const router = createRouter(document.operations);
  // Ajv caches compiled validators by schema object, so keeping the objects makes compile() a lookup.
  const inputSchemas = new Map<string, JsonSchema>();
  const responseSchemas = new Map<string, JsonSchema>();
  const componentSchemas = new Map<string, JsonSchema>();

  const inputValidatorOf = <T>(operation: ContractOperation): ValidateFunction<T> => {
    let schema = inputSchemas.get(operation.operationId);
    if (!schema) {
      schema = inputSchemaOf(operation, conversion);
      inputSchemas.set(operation.operationId, schema);
    }
    return ajv.compile<T>(schema);
  };

  const componentValidatorOf = <N extends SchemaName>(name: N): ValidateFunction<Schemas[N]> => {
    if (!(name in document.schemas)) throw new Error(`The contract has no schema named ${name}`);
    let schema = componentSchemas.get(name);
    if (!schema) {
      schema = { $ref: `${DEFINITIONS}${name}` };
      componentSchemas.set(name, schema);
    }
    return ajv.compile<Schemas[N]>(schema);
  };

  const responseValidatorOf = (operationId: string, status: number, raw: Record<string, unknown>) => {
    const key = `${operationId}:${status}`;
    let schema = responseSchemas.get(key);
    if (!schema) {
      schema = openApiSchemaToJsonSchema(raw, conversion);
      responseSchemas.set(key, schema);
    }
    return ajv.compile(schema);
  };

  const validateInput = (operation: ContractOperation, raw: RawOperationInput) => {
    const candidate = coerceInput(operation, raw);
    const validator = inputValidatorOf<CoercedInput>(operation);
    const errors = validator(candidate) ? [] : describeErrors(validator.errors, { stripRoot: true });
    return { candidate, errors };
  };

  return {
    operations: document.operations,
    operation: (operationId) => operationsById.get(operationId),
    matchRoute: (method, pathname) => router.match(method, pathname),

    validateRequest(request) {
      const [pathname = "/", queryString] = request.path.split("?", 2);
      const match = router.match(request.method, pathname);
      if (match.kind !== "operation") {
        const problem = match.kind === "not-found" ? "No operation matches" : "Method not allowed for";
        return { ok: false, errors: [{ field: "$", message: `${problem} ${request.method} ${pathname}` }] };
      }
      const query = request.query ?? new URLSearchParams(queryString ?? "");
      const body = isFormOperation(match.operation) ? formToObject(request.body) : request.body;
      const { candidate, errors } = validateInput(match.operation, { pathParams: match.pathParams, query, body });
      const operationId = match.operation.operationId;
      if (errors.length > 0) return { ok: false, operationId, errors };
      return { ok: true, operationId, pathParams: candidate.path, query: candidate.query };
    },

    validateResponse({ operationId, status, body }) {
      const operation = operationsById.get(operationId);
      if (!operation)
        return { ok: false, declared: false, errors: [{ field: "$", message: `Unknown operation ${operationId}` }] };
      const response = operation.responses.get(status);
      if (!response) {
        if (status < 400) {
          return { ok: false, declared: false, errors: [{ field: "$", message: `Status ${status} is not declared` }] };
        }
        const errors = body === undefined ? [] : describeErrors(validateWith(componentValidatorOf("ApiError"), body));
        return { ok: errors.length === 0, declared: false, errors };
      }
      if (!response.schema) {
        const errors = body === undefined ? [] : [{ field: "$", message: `Status ${status} must have no body` }];
        return { ok: errors.length === 0, declared: true, errors };
      }
      const errors = describeErrors(validateWith(responseValidatorOf(operationId, status, response.schema), body));
      return { ok: errors.length === 0, declared: true, errors };
    },

    validateComponent: (name, value) => describeErrors(validateWith(componentValidatorOf(name), value)),
    isComponent<N extends SchemaName>(name: N, value: unknown): value is Schemas[N] {
      return componentValidatorOf(name)(value);
    },

    parseOperationInput<O extends OperationId>(operationId: O, raw: RawOperationInput): OperationInputResult<O> {
      const operation = operationsById.get(operationId);
      if (!operation) throw new Error(`The contract has no operation ${operationId}`);
      const candidate = coerceInput(operation, raw);
      // Ajv's generic is the documented way to tie a compiled schema to its static type.
      const validator = inputValidatorOf<OperationInput<O>>(operation);
      if (validator(candidate)) return { ok: true, input: candidate };
      return { ok: false, errors: describeErrors(validator.errors, { stripRoot: true }) };
    },

    responseSchemaName(operationId, status) {
      const schema = operationsById.get(operationId)?.responses.get(status)?.schema;
      if (!schema) return undefined;
      const refName = (value: unknown) =>
        isObject(value) && typeof value.$ref === "string" ? value.$ref.split("/").pop() : undefined;
      if (schema.type === "array") {
        const item = refName(schema.items);
        return item ? `${item}[]` : undefined;
      }
      return refName(schema);
    },
  };
}

function validateWith(validator: ValidateFunction, value: unknown): ErrorObject[] | null | undefined {
  return validator(value) ? undefined : validator.errors;
}

// ---------------------------------------------------------------------------------------------------
// Request input: { path, query, body } validated in one schema so all errors come back together.

interface CoercedInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
}

function inputSchemaOf(operation: ContractOperation, conversion: Parameters<typeof openApiSchemaToJsonSchema>[1]) {
  const parametersIn = (location: "path" | "query"): JsonSchema => {
    const declared = operation.parameters.filter((parameter) => parameter.in === location);
    return {
      type: "object",
      properties: Object.fromEntries(
        declared.map((parameter) => [
          parameter.name,
          openApiSchemaToJsonSchema(parameterSchema(parameter), conversion),
        ]),
      ),
      required: declared.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    };
  };
  const properties: JsonSchema = { path: parametersIn("path"), query: parametersIn("query") };
  if (operation.requestBody) properties.body = openApiSchemaToJsonSchema(operation.requestBody.schema, conversion);
  const required = operation.requestBody?.required ? ["path", "query", "body"] : ["path", "query"];
  return { type: "object", properties, required, additionalProperties: false };
}

/**
 * An integer parameter without a format (stampId, nonEligibleProductId, offset, limit) is an int32: the
 * ids it carries are int32 in every schema, and the server binds such parameters to a C# `int`.
 */
function parameterSchema(parameter: ContractParameter): Record<string, unknown> {
  const schema = parameter.schema ?? {};
  return schema.type === "integer" && schema.format === undefined ? { ...schema, format: "int32" } : schema;
}

function coerceInput(operation: ContractOperation, raw: RawOperationInput): CoercedInput {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const queryValues = queryLookup(raw.query);
  for (const parameter of operation.parameters) {
    if (parameter.in === "path") {
      const value = raw.pathParams[parameter.name];
      if (value !== undefined) path[parameter.name] = coerceParameter(parameter, value);
    } else if (parameter.in === "query") {
      // ASP.NET binds query names case-insensitively and takes the first value of a repeated key.
      const value = queryValues.get(parameter.name.toLowerCase());
      if (value !== undefined) query[parameter.name] = coerceParameter(parameter, value);
    }
  }
  return raw.body === undefined ? { path, query } : { path, query, body: raw.body };
}

function queryLookup(query: QueryInput): Map<string, string> {
  const values = new Map<string, string>();
  const add = (name: string, value: string) => {
    if (!values.has(name.toLowerCase())) values.set(name.toLowerCase(), value);
  };
  if (query instanceof URLSearchParams) {
    for (const [name, value] of query) add(name, value);
  } else {
    for (const [name, value] of Object.entries(query)) {
      if (typeof value === "string") add(name, value);
      else if (value?.[0] !== undefined) add(name, value[0]);
    }
  }
  return values;
}

/** Strings that look like the declared type become that type; anything else stays a string for Ajv to reject. */
function coerceParameter(parameter: ContractParameter, value: string): unknown {
  const type = parameter.schema?.type;
  if (type === "integer" && /^[+-]?\d+$/.test(value.trim())) return Number(value);
  if (type === "number" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  if (type === "boolean" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  return value;
}

function isFormOperation(operation: ContractOperation): boolean {
  return operation.requestBody?.mediaType === "application/x-www-form-urlencoded";
}

function formToObject(body: unknown): unknown {
  if (typeof body === "string") return Object.fromEntries(new URLSearchParams(body));
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  return body;
}

// ---------------------------------------------------------------------------------------------------
// Ajv errors → field paths and ASP.NET-like messages.

function describeErrors(
  errors: ErrorObject[] | null | undefined,
  { stripRoot = false }: { stripRoot?: boolean } = {},
): ContractError[] {
  const described = new Map<string, ContractError>();
  for (const error of errors ?? []) {
    const contractError = describeError(error, stripRoot);
    if (contractError) described.set(`${contractError.field}\u0000${contractError.message}`, contractError);
  }
  return [...described.values()];
}

function describeError(error: ErrorObject, stripRoot: boolean): ContractError | undefined {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
  const root = stripRoot ? segments.shift() : undefined;
  const params: Record<string, unknown> = error.params;
  const child = (name: unknown) => (typeof name === "string" ? [...segments, name] : segments);
  if (stripRoot && root === undefined) {
    // A problem with the {path, query, body} envelope itself: only a missing required body is possible.
    return params.missingProperty === "body"
      ? { field: "$", message: "A non-empty request body is required." }
      : undefined;
  }
  switch (error.keyword) {
    case "required":
      return {
        field: fieldPath(child(params.missingProperty)),
        message: `The ${String(params.missingProperty)} field is required.`,
      };
    case "additionalProperties":
      return {
        field: fieldPath(child(params.additionalProperty)),
        message: "Unknown field: the Diller contract does not define it (check the snake_case spelling).",
      };
    case "type":
      return { field: fieldPath(segments), message: `The value must be of type ${String(params.type)}.` };
    case "enum":
      return {
        field: fieldPath(segments),
        message: `The value must be one of: ${Array.isArray(params.allowedValues) ? params.allowedValues.join(", ") : "?"}.`,
      };
    case "format":
      return { field: fieldPath(segments), message: formatMessage(String(params.format)) };
    default:
      return { field: fieldPath(segments), message: `The value ${error.message ?? "is invalid"}.` };
  }
}

function formatMessage(format: string): string {
  const messages: Record<string, string> = {
    int32: "The value must be a 32-bit integer.",
    int64: "The value must be a 64-bit integer.",
    "date-time": "The value must be an ISO 8601 date-time with a UTC offset, e.g. 2024-08-13T10:00:00+02:00.",
    date: "The value must be a date in yyyy-MM-dd format.",
  };
  return messages[format] ?? `The value must match the ${format} format.`;
}

/** ["details", "0", "quantity"] → "details[0].quantity"; a body-level array item → "[0].name"; empty → "$". */
function fieldPath(segments: string[]): string {
  if (segments.length === 0) return "$";
  return segments.reduce(
    (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
    "",
  );
}
