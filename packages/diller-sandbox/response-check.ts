import { type Outgoing } from "./http-io";
import { type SandboxRuntime } from "./runtime";
import { type Target } from "./targets";

export /** Responses the sandbox makes are checked against the contract; a mismatch is a sandbox bug. */
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
