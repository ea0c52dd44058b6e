/**
 * A fake Shopify Admin GraphQL API for tests, installed as the fetch that @shopify/shopify-api uses.
 * Every query the app sends is parsed and validated against the real 2026-07 schema (the committed
 * introspection), so a wrong field fails the test; answers come from the test's in-memory data.
 * Requests to anything other than `*.myshopify.com` pass through (the Diller sandbox on loopback).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import {
  buildClientSchema,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

import { ADMIN_API_VERSION } from "~/api-version";

let schema: GraphQLSchema | undefined;
function adminSchema(): GraphQLSchema {
  if (!schema) {
    const json: { data?: IntrospectionQuery } & Partial<IntrospectionQuery> = JSON.parse(
      gunzipSync(readFileSync(`app/graphql/admin-${ADMIN_API_VERSION}.schema.json.gz`)).toString("utf8"),
    );
    const introspection = json.data ?? (json as IntrospectionQuery);
    schema = buildClientSchema(introspection);
  }
  return schema;
}

export type OperationResolver = (variables: Record<string, unknown>, shop: string) => unknown;

export interface FakeAdminApi {
  /** Operation name → the `data` to answer with. */
  resolvers: Record<string, OperationResolver>;
  /** Every operation received: name, variables, shop. */
  calls: { operation: string; variables: Record<string, unknown>; shop: string }[];
  /** Queries that failed schema validation (a test should assert this stays empty). */
  invalid: string[];
  uninstall(): void;
}

export interface FakeAdminOptions {
  /**
   * Also check each request's variables against the operation's declared input types (field names,
   * required fields, enum values, scalars), as Shopify does; a mismatch is recorded in `invalid`.
   */
  validateVariables?: boolean;
}

export function installFakeAdminApi(
  resolvers: Record<string, OperationResolver> = {},
  { validateVariables = false }: FakeAdminOptions = {},
): FakeAdminApi {
  const fake: FakeAdminApi = {
    resolvers,
    calls: [],
    invalid: [],
    uninstall: () => setAbstractFetchFunc(globalThis.fetch),
  };
  setAbstractFetchFunc(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.hostname.endsWith(".myshopify.com")) return globalThis.fetch(input, init);
    const body: { query: string; variables?: Record<string, unknown> } = JSON.parse(String(init?.body ?? "{}"));
    const document = parse(body.query);
    const errors = validate(adminSchema(), document);
    const operation = getOperationAST(document)?.name?.value ?? "(anonymous)";
    if (errors.length > 0) {
      fake.invalid.push(`${operation}: ${errors.map((error) => error.message).join("; ")}`);
      return Response.json({ errors: errors.map((error) => ({ message: error.message })) }, { status: 200 });
    }
    const variables = body.variables ?? {};
    const definitions = getOperationAST(document)?.variableDefinitions ?? [];
    const variableErrors = validateVariables
      ? (getVariableValues(adminSchema(), definitions, variables).errors ?? [])
      : [];
    if (variableErrors.length > 0) {
      fake.invalid.push(`${operation}: ${variableErrors.map((error) => error.message).join("; ")}`);
      return Response.json({ errors: variableErrors.map((error) => ({ message: error.message })) }, { status: 200 });
    }
    fake.calls.push({ operation, variables, shop: url.hostname });
    const resolver = fake.resolvers[operation];
    if (!resolver)
      return Response.json({ errors: [{ message: `fake Admin API has no answer for ${operation}` }] }, { status: 200 });
    return Response.json(
      { data: resolver(variables, url.hostname) },
      { headers: { "Content-Type": "application/json" } },
    );
  });
  return fake;
}
