/**
 * Rejections. Handlers throw a ProblemError; the server renders it in the shape the contract declares
 * for that operation and status: RFC 7807 problem details (ASP.NET's ValidationProblemDetails layout) for
 * ApiError, or the ActionResponse / batch-item arrays that the non-eligible-products operations declare.
 */
import { type ContractError, type ContractValidator } from "./contract";
import { isObject } from "./openapi-to-json-schema";
import { type Schemas } from "./operation-types";

export type FieldErrors = Record<string, string[]>;

export const VALIDATION_TITLE = "One or more validation errors occurred.";

export class ProblemError extends Error {
  readonly title: string;
  readonly errors?: FieldErrors;
  readonly headers?: Record<string, string>;

  constructor(
    readonly status: number,
    readonly detail: string,
    options: { title?: string; errors?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "ProblemError";
    this.title = options.title ?? titleFor(status);
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

/** 400 naming one or more fields, e.g. `validationProblem({ external_id: ["…"] }, "…")`. */
export function validationProblem(errors: FieldErrors, detail = VALIDATION_TITLE): ProblemError {
  return new ProblemError(400, detail, { title: VALIDATION_TITLE, errors });
}

export function fieldProblem(field: string, message: string, detail = message): ProblemError {
  return validationProblem({ [field]: [message] }, detail);
}

export function notFoundProblem(detail: string): ProblemError {
  return new ProblemError(404, detail);
}

export function contractErrorsToFieldErrors(errors: readonly ContractError[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const { field, message } of errors) (fields[field] ??= []).push(message);
  return fields;
}

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The section of RFC 9110 (or 6585 for 429) that ASP.NET links as the problem `type`. */
const TYPE_SECTIONS: Record<number, string> = {
  400: "rfc9110#section-15.5.1",
  401: "rfc9110#section-15.5.2",
  403: "rfc9110#section-15.5.4",
  404: "rfc9110#section-15.5.5",
  405: "rfc9110#section-15.5.6",
  413: "rfc9110#section-15.5.14",
  415: "rfc9110#section-15.5.16",
  429: "rfc6585#section-4",
  500: "rfc9110#section-15.6.1",
  502: "rfc9110#section-15.6.3",
  503: "rfc9110#section-15.6.4",
  504: "rfc9110#section-15.6.5",
};

export function titleFor(status: number): string {
  return TITLES[status] ?? `HTTP ${status}`;
}

export function problemDetails(
  input: { status: number; detail: string; title?: string; errors?: FieldErrors },
  instance: string,
): Schemas["ApiError"] {
  const body: Schemas["ApiError"] = {
    type: `https://tools.ietf.org/html/${TYPE_SECTIONS[input.status] ?? "rfc9110#section-15"}`,
    title: input.title ?? titleFor(input.status),
    status: input.status,
    detail: input.detail,
    instance,
  };
  if (input.errors && Object.keys(input.errors).length > 0) body.errors = input.errors;
  return body;
}

export interface RenderedRejection {
  status: number;
  body: unknown;
  contentType: string;
  headers?: Record<string, string>;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * Renders a rejection of `operationId` as the contract declares the status. `requestBody` lets the
 * batch shapes echo the offending items' ids.
 */
export function renderRejection(
  contract: ContractValidator,
  operationId: string | undefined,
  error: ProblemError,
  instance: string,
  requestBody?: unknown,
): RenderedRejection {
  const schemaName = operationId ? contract.responseSchemaName(operationId, error.status) : undefined;
  const messages = Object.entries(error.errors ?? {}).flatMap(([field, list]) => list.map((m) => `${field}: ${m}`));
  const base = { status: error.status, contentType: JSON_CONTENT_TYPE, headers: error.headers };
  switch (schemaName) {
    case "ActionResponse":
      return { ...base, body: { is_ok: false, details: [error.detail, ...messages].join(" ") } };
    case "AddNonEligibleBatchError[]":
      return { ...base, body: batchItems(error, requestBody, addBatchError) };
    case "UpdateBatchStatus[]":
      return { ...base, body: batchItems(error, requestBody, updateBatchStatus) };
    default:
      return { ...base, contentType: PROBLEM_CONTENT_TYPE, body: problemDetails(error, instance) };
  }
}

/** Groups `[3].expires_at`-style field errors by item; errors about the batch itself become one entry. */
function batchItems<T>(error: ProblemError, requestBody: unknown, toItem: (item: unknown, errors: string[]) => T): T[] {
  const byIndex = new Map<number, string[]>();
  const general: string[] = [];
  for (const [field, list] of Object.entries(error.errors ?? {})) {
    const match = /^\[(\d+)\]\.?(.*)$/.exec(field);
    if (!match) {
      general.push(...list.map((message) => (field === "$" ? message : `${field}: ${message}`)));
      continue;
    }
    const index = Number(match[1]);
    const entry = byIndex.get(index) ?? [];
    entry.push(...list.map((message) => (match[2] ? `${match[2]}: ${message}` : message)));
    byIndex.set(index, entry);
  }
  const items = Array.isArray(requestBody) ? requestBody : [];
  const result = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, list]) => toItem(items[index], list));
  if (general.length > 0 || result.length === 0)
    result.unshift(toItem(undefined, general.length ? general : [error.detail]));
  return result;
}

function addBatchError(item: unknown, errors: string[]): Schemas["AddNonEligibleBatchError"] {
  const entry: Schemas["AddNonEligibleBatchError"] = { errors };
  if (isObject(item) && typeof item.product_id === "string") entry.product_id = item.product_id;
  if (isObject(item) && typeof item.product_id_prefix === "string") entry.product_id_prefix = item.product_id_prefix;
  return entry;
}

function updateBatchStatus(item: unknown, errors: string[]): Schemas["UpdateBatchStatus"] {
  const entry: Schemas["UpdateBatchStatus"] = { status: false, errors };
  if (isObject(item) && Number.isInteger(item.id) && typeof item.id === "number") entry.id = item.id;
  return entry;
}
