/** Everything one running sandbox shares between its HTTP layer, admin endpoints and public API. */
import { type TokenIssuer } from "./auth";
import { type Clock } from "./clock";
import { type ContractValidator } from "./contract";
import { type FaultController } from "./faults";
import { type SandboxState } from "./state/schema";
import { type IssuedOtp, type RequestLogEntry, type SandboxLogger, type SeedName } from "./types";

export interface SandboxRuntime {
  readonly contract: ContractValidator;
  state: SandboxState;
  readonly tokens: TokenIssuer;
  readonly faults: FaultController;
  readonly logger: SandboxLogger;
  readonly now: Clock;
  readonly discovery: boolean;
  readonly stateFile: string | undefined;
  readonly requestLog: RequestLogEntry[];
  readonly contractViolations: string[];
  readonly issuedOtps: IssuedOtp[];
  readonly generateOtpCode: () => string;
  /** Set once the server listens. */
  baseUrl: string;
  reset(seed?: SeedName): void;
  persist(): Promise<void>;
}
