/** Environment of the sandbox CLI (main.ts), validated with zod; errors name the variable. */
import { z } from "zod";

const rate = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number between 0 and 1` })
    .min(0, `${name} must be between 0 and 1`)
    .max(1, `${name} must be between 0 and 1`)
    .optional();

export const SandboxEnvSchema = z.object({
  DILLER_SANDBOX_PORT: z.coerce
    .number({ error: "DILLER_SANDBOX_PORT must be a port number" })
    .int("DILLER_SANDBOX_PORT must be an integer")
    .min(0, "DILLER_SANDBOX_PORT must be 0–65535")
    .max(65_535, "DILLER_SANDBOX_PORT must be 0–65535")
    .default(4010),
  DILLER_SANDBOX_HOST: z.string().trim().min(1, "DILLER_SANDBOX_HOST must not be empty").default("127.0.0.1"),
  DILLER_SANDBOX_STATE_FILE: z.string().trim().min(1, "DILLER_SANDBOX_STATE_FILE must not be empty").optional(),
  DILLER_SANDBOX_SEED: z
    .enum(["demo", "empty"], { error: "DILLER_SANDBOX_SEED must be demo or empty" })
    .default("demo"),
  DILLER_SANDBOX_TOKEN_LIFETIME: z.coerce
    .number({ error: "DILLER_SANDBOX_TOKEN_LIFETIME must be a number of seconds" })
    .int("DILLER_SANDBOX_TOKEN_LIFETIME must be whole seconds")
    .min(1, "DILLER_SANDBOX_TOKEN_LIFETIME must be at least 1 second")
    .default(3600),
  DILLER_SANDBOX_LATENCY_MS: z.coerce
    .number({ error: "DILLER_SANDBOX_LATENCY_MS must be a number of milliseconds" })
    .int("DILLER_SANDBOX_LATENCY_MS must be whole milliseconds")
    .min(0, "DILLER_SANDBOX_LATENCY_MS must not be negative")
    .max(600_000, "DILLER_SANDBOX_LATENCY_MS must be at most 600000")
    .optional(),
  DILLER_SANDBOX_ERROR_RATE: rate("DILLER_SANDBOX_ERROR_RATE"),
  DILLER_SANDBOX_RATE_LIMIT_RATE: rate("DILLER_SANDBOX_RATE_LIMIT_RATE"),
  DILLER_SANDBOX_STALL_RATE: rate("DILLER_SANDBOX_STALL_RATE"),
});

export type SandboxEnv = z.infer<typeof SandboxEnvSchema>;

export type EnvResult = { ok: true; env: SandboxEnv } | { ok: false; messages: string[] };

/** Blank variables count as unset, so `DILLER_SANDBOX_PORT= npm run …` falls back to the default. */
export function parseSandboxEnv(source: Readonly<Record<string, string | undefined>>): EnvResult {
  const present = Object.fromEntries(
    Object.keys(SandboxEnvSchema.shape).flatMap((key) => {
      const value = source[key];
      return value === undefined || value.trim() === "" ? [] : [[key, value]];
    }),
  );
  const parsed = SandboxEnvSchema.safeParse(present);
  if (parsed.success) return { ok: true, env: parsed.data };
  return { ok: false, messages: parsed.error.issues.map((issue) => issue.message) };
}
