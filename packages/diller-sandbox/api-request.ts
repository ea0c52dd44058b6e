/**
 * One Retail API call: bearer token, store check, JSON body, contract validation of the input, the
 * operation's handler, and problem details for whatever is refused.
 */
import { type IncomingMessage } from "node:http";

import { purgeDeletedMembers } from "./domain/members";
import { type HandlerContext, type HandlerTable, handlers } from "./handlers";
import { type Outgoing } from "./http-io";
import { type ApiOperationId } from "./operation-types";
import {
  contractErrorsToFieldErrors,
  fieldProblem,
  JSON_CONTENT_TYPE,
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  problemDetails,
  renderRejection,
  validationProblem,
} from "./problem";
import { type SandboxRuntime } from "./runtime";

const JSON_MEDIA_TYPE = /^(application\/json|text\/json|application\/[\w.+-]*\+json)\s*(;|$)/i;

export interface Exchange {
  runtime: SandboxRuntime;
  request: IncomingMessage;
  url: URL;
  method: string;
  bodyText: string;
  baseUrl: string;
}

export function processApi(
  exchange: Exchange,
  operationId: ApiOperationId,
  pathParams: Record<string, string>,
): Outgoing {
  const { runtime, request, url } = exchange;
  const now = runtime.now();
  purgeDeletedMembers(runtime.state, now);

  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "")?.[1];
  if (!bearer) return { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="diller-sandbox"' } };
  const token = runtime.tokens.check(bearer);
  if (!token.ok) {
    const description = token.description.replaceAll('"', "'");
    return {
      status: 401,
      headers: { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"` },
    };
  }
  const pathStoreId = pathParams.storeId;
  if (pathStoreId !== undefined && pathStoreId.toLowerCase() !== token.storeId.toLowerCase()) {
    return problem(new ProblemError(403, "The access token was not issued for this store."), url.pathname);
  }
  const store = runtime.state.stores.find((candidate) => candidate.id === token.storeId);
  if (!store) return problem(new ProblemError(403, "The store of this access token no longer exists."), url.pathname);

  let body: unknown;
  try {
    body = parseJsonBody(exchange, operationId);
  } catch (error) {
    if (error instanceof ProblemError) return rejection(runtime, operationId, error, url.pathname, undefined);
    throw error;
  }
  const context: HandlerContext = {
    state: runtime.state,
    store,
    now,
    logger: runtime.logger,
    publicBaseUrl: exchange.baseUrl,
    nextId: (sequence) => (runtime.state.sequences[sequence] += 1),
    issueOtp: (otp) => issueOtp(runtime, store, otp, now),
  };
  try {
    const result = runOperation(runtime, operationId, context, { pathParams, query: url.searchParams, body });
    return { status: Number(result.status), body: result.body, contentType: JSON_CONTENT_TYPE };
  } catch (error) {
    if (error instanceof ProblemError) return rejection(runtime, operationId, error, url.pathname, body);
    throw error;
  }
}

function runOperation<O extends ApiOperationId>(
  runtime: SandboxRuntime,
  operationId: O,
  context: HandlerContext,
  raw: { pathParams: Record<string, string>; query: URLSearchParams; body: unknown },
) {
  const parsed = runtime.contract.parseOperationInput(operationId, raw);
  if (!parsed.ok) throw validationProblem(contractErrorsToFieldErrors(parsed.errors));
  const handler: HandlerTable[O] = handlers[operationId];
  return handler(context, parsed.input);
}

/** undefined when there is no body (or it is `null`); a 415/400 ProblemError when it is unusable. */
function parseJsonBody(exchange: Exchange, operationId: ApiOperationId): unknown {
  const operation = exchange.runtime.contract.operation(operationId);
  if (!operation?.requestBody || exchange.bodyText.trim() === "") return undefined;
  const contentType = exchange.request.headers["content-type"] ?? "";
  if (!JSON_MEDIA_TYPE.test(contentType)) {
    throw new ProblemError(
      415,
      `The body must be JSON (application/json, text/json or application/*+json), not '${contentType}'.`,
    );
  }
  try {
    const parsed: unknown = JSON.parse(exchange.bodyText);
    return parsed === null ? undefined : parsed;
  } catch (error) {
    throw fieldProblem(
      "$",
      `The JSON value could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function issueOtp(
  runtime: SandboxRuntime,
  store: HandlerContext["store"],
  otp: Parameters<HandlerContext["issueOtp"]>[0],
  now: Date,
) {
  const code = runtime.generateOtpCode();
  if (!/^\d{6}$/.test(code)) throw new Error("generateOtpCode must return six digits");
  store.pendingOtps = store.pendingOtps.filter(
    (pending) => !(pending.memberId === otp.memberId && pending.purpose === otp.purpose),
  );
  const pending = { ...otp, code, issuedAt: now.toISOString(), failedAttempts: 0 };
  store.pendingOtps.push(pending);
  const phone = otp.phone ? `${otp.phone.country_code}${otp.phone.number}` : undefined;
  runtime.issuedOtps.push({ memberId: otp.memberId, purpose: otp.purpose, code, ...(phone ? { phone } : {}) });
  // A sandbox code is fake and the whole point of logging it: nobody receives an SMS.
  runtime.logger.info("One-time code issued (sandbox: logged instead of sent by SMS)", {
    memberId: otp.memberId,
    purpose: otp.purpose,
    code,
  });
  return pending;
}

function rejection(
  runtime: SandboxRuntime,
  operationId: string,
  error: ProblemError,
  instance: string,
  requestBody: unknown,
): Outgoing {
  const rendered = renderRejection(runtime.contract, operationId, error, instance, requestBody);
  return { status: rendered.status, headers: rendered.headers, body: rendered.body, contentType: rendered.contentType };
}

export function problem(error: ProblemError, instance: string): Outgoing {
  return {
    status: error.status,
    headers: error.headers,
    contentType: PROBLEM_CONTENT_TYPE,
    body: problemDetails(error, instance),
  };
}
