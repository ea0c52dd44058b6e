/**
 * Reads the vendored OpenAPI file into a flat list of operations. Only the parts the sandbox needs are
 * parsed (zod, leniently: unknown keys are fine); schemas stay raw and are converted in contract.ts.
 */
import { readFileSync } from "node:fs";

import { DILLER_OPENAPI_PATH } from "@diller/diller-contract";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

/** The contract lives in @diller/diller-contract, shared with the app's client (docs/decisions/036-sandbox-package.md). */
export const DEFAULT_OPENAPI_PATH = DILLER_OPENAPI_PATH;

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;
export type HttpMethod = Uppercase<(typeof HTTP_METHODS)[number]>;

const RawSchema = z.record(z.string(), z.unknown());
const Ref = z.object({ $ref: z.string() });

const RawParameter = z.object({
  name: z.string(),
  in: z.enum(["path", "query", "header", "cookie"]),
  required: z.boolean().optional(),
  schema: RawSchema.optional(),
});

const MediaTypes = z.record(z.string(), z.object({ schema: RawSchema.optional() }));

const RawOperation = z.object({
  operationId: z.string(),
  parameters: z.array(z.union([Ref, RawParameter])).optional(),
  requestBody: z.object({ required: z.boolean().optional(), content: MediaTypes }).optional(),
  responses: z.record(z.string(), z.object({ content: MediaTypes.optional() })),
});

const RawDocument = z.object({
  openapi: z.string().startsWith("3.0"),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({
    schemas: z.record(z.string(), RawSchema),
    parameters: z.record(z.string(), RawParameter).optional(),
  }),
});

export type ContractParameter = z.infer<typeof RawParameter>;

export interface ContractResponse {
  /** Raw OpenAPI schema of the JSON body; undefined when the status has no body. */
  schema?: Record<string, unknown>;
}

export interface ContractOperation {
  operationId: string;
  method: HttpMethod;
  pathTemplate: string;
  parameters: ContractParameter[];
  requestBody?: { required: boolean; mediaType: string; schema: Record<string, unknown> };
  responses: Map<number, ContractResponse>;
}

export interface ContractDocument {
  schemas: Record<string, Record<string, unknown>>;
  operations: ContractOperation[];
}

export function loadContractDocument(openapiYamlPath: string = DEFAULT_OPENAPI_PATH): ContractDocument {
  const parsed = RawDocument.safeParse(parseYaml(readFileSync(openapiYamlPath, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `${openapiYamlPath} is not an OpenAPI 3.0 document the sandbox understands: ${parsed.error.message}`,
    );
  }
  const document = parsed.data;
  const sharedParameters = document.components.parameters ?? {};
  const operations: ContractOperation[] = [];
  for (const [pathTemplate, pathItem] of Object.entries(document.paths)) {
    const pathLevelParameters = z.array(z.union([Ref, RawParameter])).parse(pathItem.parameters ?? []);
    for (const method of HTTP_METHODS) {
      if (pathItem[method] === undefined) continue;
      const operation = RawOperation.parse(pathItem[method]);
      operations.push({
        operationId: operation.operationId,
        method: toUpperMethod(method),
        pathTemplate,
        parameters: mergeParameters(
          pathLevelParameters.map((parameter) => resolveParameter(parameter, sharedParameters)),
          (operation.parameters ?? []).map((parameter) => resolveParameter(parameter, sharedParameters)),
        ),
        requestBody: requestBodyOf(operation),
        responses: new Map(
          Object.entries(operation.responses).map(([status, response]) => [
            Number(status),
            { schema: jsonSchemaOf(response.content) },
          ]),
        ),
      });
    }
  }
  return { schemas: document.components.schemas, operations };
}

function resolveParameter(
  parameter: z.infer<typeof Ref> | ContractParameter,
  shared: Record<string, ContractParameter>,
): ContractParameter {
  if (!("$ref" in parameter)) return parameter;
  const name = parameter.$ref.replace("#/components/parameters/", "");
  const resolved = shared[name];
  if (!resolved) throw new Error(`Unresolvable parameter reference ${parameter.$ref}`);
  return resolved;
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(pathLevel: ContractParameter[], operationLevel: ContractParameter[]): ContractParameter[] {
  const key = (parameter: ContractParameter) => `${parameter.in}:${parameter.name}`;
  const overridden = new Set(operationLevel.map(key));
  return [...pathLevel.filter((parameter) => !overridden.has(key(parameter))), ...operationLevel];
}

function requestBodyOf(operation: z.infer<typeof RawOperation>): ContractOperation["requestBody"] {
  if (!operation.requestBody) return undefined;
  const entries = Object.entries(operation.requestBody.content);
  const preferred = entries.find(([mediaType]) => mediaType === "application/json") ?? entries[0];
  if (!preferred?.[1].schema) return undefined;
  return { required: operation.requestBody.required ?? false, mediaType: preferred[0], schema: preferred[1].schema };
}

function jsonSchemaOf(content: z.infer<typeof MediaTypes> | undefined): Record<string, unknown> | undefined {
  return content?.["application/json"]?.schema;
}

function toUpperMethod(method: (typeof HTTP_METHODS)[number]): HttpMethod {
  const upper: Record<(typeof HTTP_METHODS)[number], HttpMethod> = {
    get: "GET",
    put: "PUT",
    post: "POST",
    delete: "DELETE",
    patch: "PATCH",
    head: "HEAD",
    options: "OPTIONS",
  };
  return upper[method];
}
