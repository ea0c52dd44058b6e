/**
 * OpenAPI 3.0 Schema Objects are almost, but not quite, JSON Schema (draft-07, which Ajv speaks):
 * `nullable` has no JSON Schema meaning, `$ref`s point into `#/components/schemas`, `exclusiveMinimum`
 * is a boolean modifier, and vendor keys (`x-*`) or OpenAPI annotations (`example`, `deprecated`…)
 * would trip Ajv's strict mode. This converts one schema (recursively) without touching the input.
 */

export type JsonSchema = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonSchema;

export interface ConversionOptions {
  /** Prefix that replaces `#/components/schemas/` in `$ref`s, e.g. `contract#/definitions/`. */
  refPrefix: string;
  /**
   * Adds `additionalProperties: false` to every object schema that lists `properties` and says
   * nothing about extra ones, so an unknown (e.g. camelCase) field is reported instead of ignored.
   */
  closeObjects: boolean;
}

const COMPONENT_SCHEMA_REF = "#/components/schemas/";

/** OpenAPI-only keys that carry no validation meaning and are unknown to draft-07 strict mode. */
const DROPPED_KEYS = new Set(["example", "examples", "deprecated", "discriminator", "xml", "externalDocs", "nullable"]);

const SCHEMA_MAP_KEYS = new Set(["properties", "patternProperties", "definitions"]);
const SCHEMA_LIST_KEYS = new Set(["allOf", "anyOf", "oneOf"]);
const SCHEMA_KEYS = new Set(["items", "not", "additionalProperties"]);

export function openApiSchemaToJsonSchema(schema: unknown, options: ConversionOptions): JsonSchema {
  if (!isObject(schema)) throw new TypeError("An OpenAPI schema must be an object");
  const converted: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-") || DROPPED_KEYS.has(key)) continue;
    if (key === "$ref") converted.$ref = convertRef(value, options);
    else if (SCHEMA_MAP_KEYS.has(key))
      converted[key] = mapValues(value, (child) => openApiSchemaToJsonSchema(child, options));
    else if (SCHEMA_LIST_KEYS.has(key))
      converted[key] = listOf(value).map((child) => openApiSchemaToJsonSchema(child, options));
    else if (SCHEMA_KEYS.has(key))
      converted[key] = typeof value === "boolean" ? value : openApiSchemaToJsonSchema(value, options);
    else converted[key] = toJsonValue(value);
  }
  convertExclusiveBounds(schema, converted);
  if (options.closeObjects && isObject(schema.properties) && schema.additionalProperties === undefined) {
    converted.additionalProperties = false;
  }
  return schema.nullable === true ? makeNullable(converted) : converted;
}

function convertRef(ref: unknown, options: ConversionOptions): string {
  if (typeof ref !== "string" || !ref.startsWith(COMPONENT_SCHEMA_REF)) {
    throw new TypeError(`Unsupported $ref ${String(ref)}: only ${COMPONENT_SCHEMA_REF}* is supported`);
  }
  return `${options.refPrefix}${ref.slice(COMPONENT_SCHEMA_REF.length)}`;
}

/** OpenAPI 3.0 (draft-04 style): `exclusiveMinimum: true` modifies `minimum`; draft-07 wants a number. */
function convertExclusiveBounds(source: Record<string, unknown>, target: JsonSchema) {
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof source[flag] !== "boolean") continue;
    delete target[flag];
    const limit = source[bound];
    if (source[flag] === true && typeof limit === "number") {
      target[flag] = limit;
      delete target[bound];
    }
  }
}

function makeNullable(schema: JsonSchema): JsonSchema {
  const { type } = schema;
  if (typeof type === "string") {
    const nullable: JsonSchema = { ...schema, type: [type, "null"] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) nullable.enum = [...schema.enum, null];
    return nullable;
  }
  if (Array.isArray(type)) return type.includes("null") ? schema : { ...schema, type: [...type, "null"] };
  // `$ref`/`allOf` without a type: null must be allowed beside the referenced schema, not inside it.
  return { anyOf: [schema, { type: "null" }] };
}

function mapValues(value: unknown, convert: (child: unknown) => JsonSchema): JsonSchema {
  if (!isObject(value)) throw new TypeError("Expected a map of schemas");
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, convert(child)]));
}

function listOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new TypeError("Expected a list of schemas");
  return value;
}

function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, toJsonValue(child)]));
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
