/** Which part of the sandbox a request is for: discovery, the token endpoint or a contract operation. */
import { handlers } from "./handlers";
import { type ApiOperationId } from "./operation-types";
import { type SandboxRuntime } from "./runtime";

const DISCOVERY_PATH = "/.well-known/openid-configuration";

export type Target =
  | { kind: "discovery" }
  | { kind: "token" }
  | { kind: "api"; operationId: ApiOperationId; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

export function resolveTarget(runtime: SandboxRuntime, method: string, pathname: string): Target {
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

export function operationIdOf(target: Target): string {
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
