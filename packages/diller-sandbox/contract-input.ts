/**
 * Request input for one operation: path and query parameters coerced from strings, the body as sent
 * (the token endpoint's form as an object), validated in one schema so all errors come back together.
 */
import { type ContractOperation, type ContractParameter } from "./contract-document";
import { type QueryInput, type RawOperationInput } from "./contract-types";
import { type JsonSchema, openApiSchemaToJsonSchema } from "./openapi-to-json-schema";

export interface CoercedInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
}

export function inputSchemaOf(
  operation: ContractOperation,
  conversion: Parameters<typeof openApiSchemaToJsonSchema>[1],
) {
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

export function coerceInput(operation: ContractOperation, raw: RawOperationInput): CoercedInput {
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

export function isFormOperation(operation: ContractOperation): boolean {
  return operation.requestBody?.mediaType === "application/x-www-form-urlencoded";
}

export function formToObject(body: unknown): unknown {
  if (typeof body === "string") return Object.fromEntries(new URLSearchParams(body));
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  return body;
}
