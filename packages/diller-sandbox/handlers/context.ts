/** What every operation handler gets, and the handler type tied to the contract's operation types. */
import { type ApiOperationId, type DeclaredResponse, type OperationInput } from "../operation-types";
import { fieldProblem } from "../problem";
import { type PendingOtpState, type SandboxState, type SequenceName, type StoreState } from "../state/schema";
import { type SandboxLogger } from "../types";

export interface HandlerContext {
  state: SandboxState;
  /** The store in the path (already checked against the token), or the token's store for getAll. */
  store: StoreState;
  now: Date;
  logger: SandboxLogger;
  /** Base URL as the client reached the sandbox, for links such as the profile widget. */
  publicBaseUrl: string;
  nextId(sequence: SequenceName): number;
  /** Creates (or replaces) a member's pending code, records it in issuedOtps and logs it. */
  issueOtp(otp: Pick<PendingOtpState, "memberId" | "purpose" | "phone">): PendingOtpState;
}

export type Handler<O extends ApiOperationId> = (
  context: HandlerContext,
  input: OperationInput<O>,
) => DeclaredResponse<O>;

export type HandlerTable = { [O in ApiOperationId]: Handler<O> };

/** The contract marks every body optional; operations that cannot work without one reject its absence. */
export function requireBody<T>(body: T | undefined): T {
  if (body === undefined) throw fieldProblem("$", "A non-empty request body is required.");
  return body;
}
