/** The sandbox's public interface (re-exported by index.ts). */
import { type SandboxLogger } from "./logger";
import { type SandboxState } from "./state/schema";

export type { SandboxState } from "./state/schema";

export type { SandboxLogger } from "./logger";

export type SeedName = "demo" | "empty";

export interface SandboxOptions {
  /** Default 0: a random free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Default "demo". */
  seed?: SeedName;
  /** Loaded at start when the file exists; written by persist() and stop(). */
  stateFile?: string;
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Default true; false answers 404 at /.well-known/openid-configuration. */
  discovery?: boolean;
  faults?: Partial<FaultConfig>;
  /** Default: JSON lines on stdout. */
  logger?: SandboxLogger;
  /** Injectable clock: validity windows, token expiry, OTP expiry, levels, purge of deleted members. */
  now?: () => Date;
  /** Sandbox extension: how six-digit OTP codes are made (default: crypto random). Lets tests force a leading 0. */
  generateOtpCode?: () => string;
}

export interface FaultConfig {
  /** Added to every API response (token and discovery included; /_sandbox admin excluded). */
  latencyMs: number;
  /** 0..1 probability of answering with errorStatus instead. */
  errorRate: number;
  errorStatus: 500 | 502 | 503 | 504;
  /** 0..1 probability of a 429. */
  rateLimitRate: number;
  /** Retry-After on 429 (and on 503). */
  retryAfterSeconds: number;
  /** 0..1 probability of never answering (until the client gives up or the connection closes). */
  stallRate: number;
}

export type ScriptedFault =
  | { kind: "status"; status: number; retryAfterSeconds?: number; body?: unknown }
  | { kind: "stall" }
  | { kind: "drop" }
  | { kind: "malformed"; body: string }
  | { kind: "afterEffect"; then: "drop" | "stall" | { status: number } };

export interface RequestLogEntry {
  operationId: string;
  method: string;
  path: string;
  /** 0 when no response was sent (stall, drop). */
  status: number;
  at: Date;
  /** How long the sandbox took to answer, from the request's arrival to the response (injected latency included). */
  ms: number;
}

export interface IssuedOtp {
  memberId: string;
  purpose: "login" | "reset-phone";
  code: string;
  phone?: string;
}

export interface RunningSandbox {
  /** "http://127.0.0.1:<port>" */
  baseUrl: string;
  credentials: { storeId: string; apiKey: string };
  /** The live state (replaced by reset(); read it through this property, do not keep a reference). */
  readonly state: SandboxState;
  faults: {
    set(config: Partial<FaultConfig>): void;
    /** Faults for the next matching requests, in order. match: an operationId or "*". */
    enqueue(match: string, ...faults: ScriptedFault[]): void;
    reset(): void;
  };
  requestLog: RequestLogEntry[];
  /** Responses that failed contract validation: a sandbox bug. Tests assert it stays empty. */
  contractViolations: string[];
  issuedOtps: IssuedOtp[];
  expireAllTokens(): void;
  reset(seed?: SeedName): void;
  persist(): Promise<void>;
  stop(): Promise<void>;
}
