/**
 * Validates traffic against the Diller OpenAPI contract with Ajv: requests (path and query parameters
 * coerced from strings, JSON bodies) and responses (per operation and status). The sandbox uses it on
 * every exchange; other tests can use it to check what a client sends.
 *
 * Unknown JSON fields are errors by default (the contract lists every field; an unknown one is usually a
 * camelCase/snake_case slip that the real API would silently drop). Pass `allowUnknownFields: true` to
 * ignore them instead.
 */
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";

import { type ContractOperation, loadContractDocument } from "./contract-document";
import { describeErrors, validateWith } from "./contract-errors";
import { type CoercedInput, coerceInput, formToObject, inputSchemaOf, isFormOperation } from "./contract-input";
import {
  type ContractValidator,
  type ContractValidatorOptions,
  type OperationInputResult,
  type RawOperationInput,
} from "./contract-types";
import { isObject, type JsonSchema, openApiSchemaToJsonSchema } from "./openapi-to-json-schema";
import { type OperationId, type OperationInput, type SchemaName, type Schemas } from "./operation-types";
import { createRouter } from "./router";

export { DEFAULT_OPENAPI_PATH, type ContractOperation } from "./contract-document";
export type {
  ContractError,
  ContractValidator,
  ContractValidatorOptions,
  OperationInputResult,
  QueryInput,
  RawOperationInput,
  RequestToValidate,
  RequestValidation,
  ResponseToValidate,
  ResponseValidation,
} from "./contract-types";
export type { SchemaName } from "./operation-types";

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
