/**
 * The sandbox's logging seam. Callers inject any object with these three methods (the app's logger
 * fits); without one, the sandbox writes one JSON object per line to stdout, the same shape as the
 * app's log lines, so a terminal running both reads alike.
 */
export interface SandboxLogger {
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
}

export interface JsonLoggerOptions {
  write?: (line: string) => void;
  now?: () => Date;
  fields?: object;
}

export function createJsonLogger({
  write = (line) => process.stdout.write(`${line}\n`),
  now = () => new Date(),
  fields: bound = {},
}: JsonLoggerOptions = {}): SandboxLogger {
  const emit = (level: "info" | "warn" | "error", msg: string, fields: object = {}) =>
    write(JSON.stringify({ time: now().toISOString(), level, msg, ...bound, ...fields }, errorReplacer));
  return {
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
  };
}

function errorReplacer(_key: string, value: unknown) {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}
