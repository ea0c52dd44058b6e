/**
 * The bookkeeping behind tests/setup/console-guard.ts, kept free of vitest so its own test can drive
 * it: what was logged at error level, which of it a test declared, and what is left over.
 */

export interface ConsoleErrorGuard {
  /** Notes one error-level message (a console.error call or an error line of the app's logger). */
  record(message: string): void;
  /** Tolerates messages matching the pattern for the current test; they need not occur. */
  allow(pattern: RegExp): void;
  /** Requires at least one message matching the pattern in the current test, and tolerates them all. */
  expect(pattern: RegExp): void;
  /** Ends the test: returns what went wrong (unexpected messages, unmet expectations) and resets. */
  settle(): string[];
}

export function createConsoleErrorGuard(): ConsoleErrorGuard {
  let messages: string[] = [];
  let allowed: RegExp[] = [];
  let expected: RegExp[] = [];
  return {
    record: (message) => void messages.push(message),
    allow: (pattern) => void allowed.push(pattern),
    expect: (pattern) => void expected.push(pattern),
    settle() {
      const tolerated = [...allowed, ...expected];
      const unexpected = messages.filter((message) => !tolerated.some((pattern) => pattern.test(message)));
      const unmet = expected.filter((pattern) => !messages.some((message) => pattern.test(message)));
      messages = [];
      allowed = [];
      expected = [];
      return [
        ...unexpected.map((message) => `unexpected error log: ${message}`),
        ...unmet.map((pattern) => `expected an error log matching ${String(pattern)}, none was written`),
      ];
    },
  };
}

/** The error-level lines of the app's JSON logger (app/logger.server.ts) in a chunk written to stdout/stderr. */
export function errorLogLines(chunk: string): string[] {
  return chunk.split("\n").filter((line) => {
    if (!line.startsWith("{") || !line.includes('"level":"error"')) return false;
    try {
      const entry: unknown = JSON.parse(line);
      return typeof entry === "object" && entry !== null && "level" in entry && entry.level === "error";
    } catch {
      return false;
    }
  });
}
