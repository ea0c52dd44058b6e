/** Answers a request the way an injected fault says: never, by dropping the connection, or with a chosen status or body. */
import { type IncomingMessage, type ServerResponse } from "node:http";

import { send } from "./http-io";
import { JSON_CONTENT_TYPE, PROBLEM_CONTENT_TYPE, problemDetails } from "./problem";
import { type SandboxRuntime } from "./runtime";
import { type ScriptedFault } from "./types";

export function applyFault(
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
