import { z } from "zod";

/**
 * Environment, parsed once at boot. A missing or malformed variable stops the process with a message
 * that names the variable (never its value: several are secrets). `.env.example` documents them all.
 */

const DEFAULT_DATABASE_URL = "file:./prisma/dev.sqlite";

const ENCRYPTION_KEY_BYTES = 32;

const encryptionKey = z
  .string()
  .trim()
  .refine((value) => decodeKey(value)?.length === ENCRYPTION_KEY_BYTES, {
    error: `must be ${ENCRYPTION_KEY_BYTES} random bytes, base64-encoded (generate one with: openssl rand -base64 32)`,
  });

const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z.string().trim().min(1, "is required (the app's client id from the Partner Dashboard)"),
  SHOPIFY_API_SECRET: z.string().trim().min(1, "is required (the app's client secret)"),
  SHOPIFY_APP_URL: z.url({ protocol: /^https?$/, error: "must be the app's absolute http(s) URL" }),
  SCOPES: commaList.refine((scopes) => scopes.length > 0, "must list at least one access scope"),
  DATABASE_URL: z
    .string()
    .trim()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => databaseProviderOf(url) !== undefined, {
      error: "must start with file: (SQLite) or postgresql:// / postgres:// (PostgreSQL)",
    }),
  APP_ENCRYPTION_KEY: encryptionKey,
  /** Comma-separated keys that may still decrypt stored secrets during a key rotation. */
  APP_ENCRYPTION_KEYS_PREVIOUS: commaList.default([]).pipe(z.array(encryptionKey)),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** `inline`: the web process also runs the background jobs (required on SQLite). `off`: only `npm run worker` does. */
  JOB_WORKER: z.enum(["inline", "off"]).default("inline"),
  /**
   * Diller calls one process's background jobs keep in flight at most; the worker runs a quarter more
   * jobs, whose database work overlaps the calls (docs/decisions/050-diller-call-slots.md). Sized for
   * Diller's latency, not the CPU: with Diller answering in ~150 ms and one call for a linked member's
   * order, 16 allow ~100 orders/s per process (docs/performance.md, docs/decisions/031).
   */
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(16),
  RECONCILE_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /**
   * Largest request body the server accepts (bytes), checked before anything reads or parses it.
   * The default is far above the largest real order payload (a 250-line order is ~1 MB).
   */
  MAX_REQUEST_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** Days a processed webhook payload is kept (at least 3, so a retried delivery is still recognised as a duplicate). */
  WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(3).max(3650).default(30),
  /** Days the order data of a settled order (sent, skipped, cancelled) is kept after its last change. */
  ORDER_DATA_RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
  /**
   * Extra hosts a custom Diller base URL may point at in production (comma-separated), besides
   * Diller's production and pre-release APIs. Outside production any https host (and loopback) is allowed.
   */
  DILLER_ALLOWED_HOSTS: commaList
    .default([])
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$/i, "must be host names without scheme or port"))),
});

export type Env = z.infer<typeof EnvSchema>;

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProviderOf(url: string): DatabaseProvider | undefined {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return undefined;
}

/** Accepts base64 (standard or url-safe) or 64 hex characters. */
export function decodeKey(value: string): Buffer | undefined {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return Buffer.from(value, "base64");
  return undefined;
}

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, so `FOO=` in a .env file falls back to the default or fails as missing.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(present);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const variable = issue.path.join(".");
      const missing = issue.code === "invalid_type" && present[variable] === undefined;
      return `${variable}: ${missing ? "is required" : issue.message}`;
    }),
  );
}

let cached: Env | undefined;

/** The process environment, validated on first use (the composition root calls it at boot). */
export function getEnv(): Env {
  if (!cached) {
    loadDotEnv();
    cached = parseEnv(process.env);
  }
  return cached;
}

function loadDotEnv() {
  // Shopify CLI injects the Shopify variables; .env supplies the rest locally. Existing values win.
  if (process.env.NODE_ENV === "test") return;
  try {
    process.loadEnvFile(".env");
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
  }
}
