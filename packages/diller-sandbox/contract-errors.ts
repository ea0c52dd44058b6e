/** Ajv errors → field paths and ASP.NET-like messages, the way Diller reports validation problems. */
import { type ErrorObject, type ValidateFunction } from "ajv";

import { type ContractError } from "./contract-types";

export function validateWith(validator: ValidateFunction, value: unknown): ErrorObject[] | null | undefined {
  return validator(value) ? undefined : validator.errors;
}

export function describeErrors(
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
