/**
 * Fault injection: a standing configuration (latency, random errors, 429s, stalls) plus a queue of
 * scripted faults that hit the next matching requests in order, deterministically.
 */
import { z } from "zod";

import { type FaultConfig, type ScriptedFault } from "./types";

export const DEFAULT_FAULTS: FaultConfig = {
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 503,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  stallRate: 0,
};

const Rate = z.number().min(0).max(1);

export const FaultConfigPatchSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    errorRate: Rate,
    errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    rateLimitRate: Rate,
    retryAfterSeconds: z.number().int().min(0).max(86_400),
    stallRate: Rate,
  })
  .partial()
  .strict();

export const ScriptedFaultSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("status"),
    status: z.number().int().min(100).max(599),
    retryAfterSeconds: z.number().int().min(0).optional(),
    body: z.unknown().optional(),
  }),
  z.object({ kind: z.literal("stall") }),
  z.object({ kind: z.literal("drop") }),
  z.object({ kind: z.literal("malformed"), body: z.string() }),
  z.object({
    kind: z.literal("afterEffect"),
    then: z.union([z.literal("drop"), z.literal("stall"), z.object({ status: z.number().int().min(100).max(599) })]),
  }),
]);

export const EnqueueRequestSchema = z.object({
  enqueue: z.object({ match: z.string().min(1), faults: z.array(ScriptedFaultSchema).min(1) }),
});

export class FaultController {
  private config: FaultConfig;
  private readonly queue: Array<{ match: string; fault: ScriptedFault }> = [];

  constructor(
    initial: Partial<FaultConfig> = {},
    private readonly random: () => number = Math.random,
  ) {
    this.config = { ...DEFAULT_FAULTS, ...parsePatch(initial) };
  }

  get current(): FaultConfig {
    return { ...this.config };
  }

  get pending(): ReadonlyArray<{ match: string; fault: ScriptedFault }> {
    return this.queue;
  }

  set(patch: Partial<FaultConfig>): void {
    this.config = { ...this.config, ...parsePatch(patch) };
  }

  enqueue(match: string, ...faults: ScriptedFault[]): void {
    for (const fault of faults) this.queue.push({ match, fault: ScriptedFaultSchema.parse(fault) });
  }

  reset(): void {
    this.config = { ...DEFAULT_FAULTS };
    this.queue.length = 0;
  }

  /** The fault for this request, if any: the first queued match wins, then the random rates. */
  next(operationId: string): ScriptedFault | undefined {
    const index = this.queue.findIndex(({ match }) => match === "*" || match === operationId);
    if (index >= 0) return this.queue.splice(index, 1)[0]?.fault;
    const { stallRate, rateLimitRate, retryAfterSeconds, errorRate, errorStatus } = this.config;
    if (this.random() < stallRate) return { kind: "stall" };
    if (this.random() < rateLimitRate) return { kind: "status", status: 429, retryAfterSeconds };
    if (this.random() < errorRate) {
      return errorStatus === 503
        ? { kind: "status", status: 503, retryAfterSeconds }
        : { kind: "status", status: errorStatus };
    }
    return undefined;
  }
}

function parsePatch(patch: Partial<FaultConfig>): Partial<FaultConfig> {
  const parsed = FaultConfigPatchSchema.safeParse(patch);
  if (!parsed.success) throw new TypeError(`Invalid fault configuration: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
