/**
 * The request pipeline: route → fault plan → latency → (discovery | token | Retail API: auth, store
 * check, body parsing, contract validation, handler) → response contract check → send. Every request
 * except /_sandbox admin calls lands in the request log.
 */
import { type IncomingMessage, type ServerResponse } from "node:http";

import { discoveryDocument, handleTokenRequest } from "./auth";
import { delay } from "./clock";
import { purgeDeletedMembers } from "./domain/members";
import { handleAdmin } from "./admin";
import { type HandlerContext, type HandlerTable, handlers } from "./handlers";
import { type Outgoing, publicBaseUrl, readBody, send } from "./http-io";
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
import { type ScriptedFault } from "./types";

const DISCOVERY_PATH = "/.well-known/openid-configuration";
const JSON_MEDIA_TYPE = /^(application\/json|text\/json|application\/[\w.+-]*\+json)\s*(;|$)/i;

type Target =
  | { kind: "discovery" }
  | { kind: "token" }
  | { kind: "api"; operationId: ApiOperationId; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

interface Exchange {
  runtime: SandboxRuntime;
  request: IncomingMessage;
  url: URL;
  method: string;
  bodyText: string;
  baseUrl: string;
}

export function createRequestListener(runtime: SandboxRuntime) {
  return (request: IncomingMessage, response: ServerResponse) => {
    handle(runtime, request, response).catch((error: unknown) => {
      runtime.logger.error("Sandbox request failed unexpectedly", { error: describe(error) });
      send(response, {
        status: 500,
        contentType: PROBLEM_CONTENT_TYPE,
        body: problemDetails({ status: 500, detail: "Sandbox error." }, request.url ?? "/"),
      });
    });
  };
}

async function handle(runtime: SandboxRuntime, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://sandbox.invalid");
  if (url.pathname === "/_sandbox" || url.pathname.startsWith("/_sandbox/")) {
    await handleAdmin(runtime, request, response, url);
    return;
  }
  const method = (request.method ?? "GET").toUpperCase();
  const target = resolveTarget(runtime, method, url.pathname);
  const operationId = operationIdOf(target);
  const log = (status: number): void => {
    runtime.requestLog.push({ operationId, method, path: url.pathname, status, at: runtime.now() });
  };

  const connectionClosed = new AbortController();
  response.on("close", () => connectionClosed.abort());
  const body = await readBody(request);
  const fault = runtime.faults.next(operationId);
  await delay(runtime.faults.current.latencyMs, connectionClosed.signal);
  if (connectionClosed.signal.aborted || (!body.ok && body.reason === "aborted")) return log(0);

  if (fault && fault.kind !== "afterEffect") return applyFault(runtime, fault, request, response, url, log);

  const exchange: Exchange = {
    runtime,
    request,
    url,
    method,
    bodyText: body.ok ? body.text : "",
    baseUrl: publicBaseUrl(request, runtime.baseUrl),
  };
  const outgoing = body.ok
    ? processTarget(exchange, target)
    : problem(new ProblemError(413, "The request body is larger than 1 MiB."), url.pathname);
  checkAgainstContract(runtime, target, outgoing);

  if (fault?.kind === "afterEffect") {
    runtime.logger.warn("Injected fault after the operation took effect", { operationId, then: fault.then });
    const then = fault.then;
    if (then === "drop" || then === "stall") return applyFault(runtime, { kind: then }, request, response, url, log);
    return applyFault(runtime, { kind: "status", status: then.status }, request, response, url, log);
  }
  send(response, outgoing);
  log(outgoing.status);
}

function resolveTarget(runtime: SandboxRuntime, method: string, pathname: string): Target {
  if (pathname.replace(/\/$/, "").toLowerCase() === DISCOVERY_PATH) {
    return runtime.discovery && method === "GET"
      ? { kind: "discovery" }
      : runtime.discovery
        ? { kind: "method-not-allowed", allowed: ["GET"] }
        : { kind: "not-found" };
  }
  const match = runtime.contract.matchRoute(method, pathname);
  if (match.kind !== "operation") return match;
  const operationId = match.operation.operationId;
  if (operationId === "requestAccessToken") return { kind: "token" };
  if (!isApiOperationId(operationId)) return { kind: "not-found" };
  return { kind: "api", operationId, pathParams: match.pathParams };
}

function isApiOperationId(operationId: string): operationId is ApiOperationId {
  return Object.hasOwn(handlers, operationId);
}

function operationIdOf(target: Target): string {
  switch (target.kind) {
    case "discovery":
      return "openidConfiguration";
    case "token":
      return "requestAccessToken";
    case "api":
      return target.operationId;
    default:
      return "unknown";
  }
}

function processTarget(exchange: Exchange, target: Target): Outgoing {
  const { url, runtime } = exchange;
  switch (target.kind) {
    case "discovery":
      return { status: 200, body: discoveryDocument(exchange.baseUrl) };
    case "token": {
      const result = handleTokenRequest({
        contentType: exchange.request.headers["content-type"],
        authorization: exchange.request.headers.authorization,
        rawBody: exchange.bodyText,
        stores: runtime.state.stores,
        issuer: runtime.tokens,
      });
      if (result.status !== 200) runtime.logger.warn("Token request refused", { error: result.body.error });
      return { status: result.status, headers: result.headers, body: result.body };
    }
    case "method-not-allowed":
      return problem(
        new ProblemError(405, `${exchange.method} is not allowed on ${url.pathname}.`, {
          headers: { Allow: target.allowed.join(", ") },
        }),
        url.pathname,
      );
    case "not-found":
      return problem(
        new ProblemError(404, `No Diller API operation matches ${exchange.method} ${url.pathname}.`),
        url.pathname,
      );
    case "api":
      return processApi(exchange, target.operationId, target.pathParams);
  }
}

function processApi(exchange: Exchange, operationId: ApiOperationId, pathParams: Record<string, string>): Outgoing {
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

function problem(error: ProblemError, instance: string): Outgoing {
  return {
    status: error.status,
    headers: error.headers,
    contentType: PROBLEM_CONTENT_TYPE,
    body: problemDetails(error, instance),
  };
}

/** Responses the sandbox makes are checked against the contract; a mismatch is a sandbox bug. */
function checkAgainstContract(runtime: SandboxRuntime, target: Target, outgoing: Outgoing): void {
  let operationId: string | undefined;
  let errors: Array<{ field: string; message: string }> = [];
  if (target.kind === "api") {
    operationId = target.operationId;
    errors = runtime.contract.validateResponse({ operationId, status: outgoing.status, body: outgoing.body }).errors;
  } else if (target.kind === "token" && outgoing.status === 200) {
    operationId = "requestAccessToken";
    errors = runtime.contract.validateResponse({ operationId, status: 200, body: outgoing.body }).errors;
  } else if (target.kind === "not-found" || target.kind === "method-not-allowed") {
    operationId = target.kind;
    errors = runtime.contract.validateComponent("ApiError", outgoing.body);
  }
  if (!operationId || errors.length === 0) return;
  const violation = `${operationId} ${outgoing.status}: ${errors.map((error) => `${error.field} ${error.message}`).join("; ")}`;
  runtime.contractViolations.push(violation);
  runtime.logger.error("CONTRACT VIOLATION: the sandbox answered outside the Diller contract (sandbox bug)", {
    operationId,
    status: outgoing.status,
    errors,
  });
}

function applyFault(
  runtime: SandboxRuntime,
  fault: Exclude<ScriptedFault, { kind: "afterEffect" }>,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  log: (status: number) => void,
): void {
  switch (fault.kind) {
    case "stall":
      // Never answered; stop() closes the connection (server.closeAllConnections).
      log(0);
      return;
    case "drop":
      log(0);
      request.socket.destroy();
      return;
    case "malformed":
      send(response, { status: 200, raw: fault.body, contentType: JSON_CONTENT_TYPE });
      log(200);
      return;
    case "status": {
      const headers: Record<string, string> = {};
      if (fault.retryAfterSeconds !== undefined) headers["Retry-After"] = String(fault.retryAfterSeconds);
      if (fault.body === undefined) {
        send(response, {
          status: fault.status,
          headers,
          contentType: PROBLEM_CONTENT_TYPE,
          body: problemDetails({ status: fault.status, detail: "Injected fault (Diller sandbox)." }, url.pathname),
        });
      } else if (typeof fault.body === "string") {
        send(response, { status: fault.status, headers, raw: fault.body, contentType: "text/plain; charset=utf-8" });
      } else {
        send(response, { status: fault.status, headers, body: fault.body });
      }
      log(fault.status);
      runtime.logger.warn("Injected fault", { status: fault.status, path: url.pathname });
      return;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
}
