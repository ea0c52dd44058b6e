/**
 * The request pipeline: route → fault plan → latency → (discovery | token | Retail API: auth, store
 * check, body parsing, contract validation, handler) → response contract check → send. Every request
 * except /_sandbox admin calls lands in the request log.
 */
import { type IncomingMessage, type ServerResponse } from "node:http";

import { handleAdmin } from "./admin";
import { type Exchange, problem, processApi } from "./api-request";
import { applyFault } from "./apply-fault";
import { discoveryDocument, handleTokenRequest } from "./auth";
import { delay } from "./clock";
import { type Outgoing, publicBaseUrl, readBody, send } from "./http-io";
import { PROBLEM_CONTENT_TYPE, ProblemError, problemDetails } from "./problem";
import { checkAgainstContract } from "./response-check";
import { type SandboxRuntime } from "./runtime";
import { operationIdOf, resolveTarget, type Target } from "./targets";

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
  const arrived = performance.now();
  const log = (status: number): void => {
    const ms = performance.now() - arrived;
    runtime.requestLog.push({ operationId, method, path: url.pathname, status, at: runtime.now(), ms });
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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
}
