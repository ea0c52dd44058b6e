import type { z } from "zod";

import { DillerUnexpectedResponseError } from "./errors.server";
import type { DillerOperationId } from "./operations.server";
import type { CallRequest, CallResult, DillerTransport } from "./transport.server";

/** Checks a success body against the operation's schema; a mismatch is a typed error, not a crash. */
export function parseResponse<Schema extends z.ZodType>(
  operationId: DillerOperationId,
  schema: Schema,
  result: CallResult,
): z.output<Schema> {
  const parsed = schema.safeParse(result.body);
  if (parsed.success) return parsed.data;
  throw new DillerUnexpectedResponseError({
    operationId,
    correlationId: result.correlationId,
    status: result.status,
    problem: "the body does not have the contract's shape",
    issues: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`),
  });
}

/** Calls an operation and parses its success body. */
export async function callAndParse<Id extends DillerOperationId, Schema extends z.ZodType>(
  transport: DillerTransport,
  operationId: Id,
  schema: Schema,
  request?: CallRequest<Id>,
): Promise<z.output<Schema>> {
  return parseResponse(operationId, schema, await transport.call(operationId, request));
}
