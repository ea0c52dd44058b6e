/**
 * A small structured logger: one JSON object per line, levels, child loggers with bound fields.
 * Fields whose names suggest personal data or secrets are redacted before they are written, as a
 * safety net; callers should not pass such data in the first place.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const SENSITIVE_KEY =
  /(e-?mail|phone|token|secret|password|passwd|api_?key|authorization|cookie|first_?name|last_?name|full_?name|address|birth)/i;

export const REDACTED = "[redacted]";

export interface LoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  now?: () => Date;
  fields?: LogFields;
}

export function createLogger({
  level = "info",
  write = (line) => process.stdout.write(`${line}\n`),
  now = () => new Date(),
  fields: bound = {},
}: LoggerOptions = {}): Logger {
  const emit = (messageLevel: LogLevel, message: string, fields: LogFields = {}) => {
    if (LEVEL_RANK[messageLevel] < LEVEL_RANK[level]) return;
    const entry = { time: now().toISOString(), level: messageLevel, msg: message, ...redact({ ...bound, ...fields }) };
    write(JSON.stringify(entry, errorReplacer));
  };
  return {
    debug: (message, fields) => emit("debug", message, fields),
    info: (message, fields) => emit("info", message, fields),
    warn: (message, fields) => emit("warn", message, fields),
    error: (message, fields) => emit("error", message, fields),
    child: (fields) => createLogger({ level, write, now, fields: { ...bound, ...fields } }),
  };
}

function redact(fields: LogFields, depth = 0): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SENSITIVE_KEY.test(key)) out[key] = REDACTED;
    else if (depth < 4 && isPlainObject(value)) out[key] = redact(value, depth + 1);
    else out[key] = value;
  }
  return out;
}

function isPlainObject(value: unknown): value is LogFields {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function errorReplacer(_key: string, value: unknown) {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** Discards everything; for tests and tools that do not want output. */
export const silentLogger: Logger = createLogger({ write: () => {} });
