/**
 * A test fails when it logs an error it did not announce: a console.error call, or an error-level line
 * of the app's JSON logger (which writes to stdout). An error log nobody expected is a bug or a missing
 * assertion either way. Tests whose behaviour under test is an error log say so first:
 *
 *   expectConsoleError(/webhook rejected/); // must be logged, fails the test otherwise
 *   allowConsoleError(/retrying/);          // may be logged
 */
import { format } from "node:util";

import { afterEach } from "vitest";

import { createConsoleErrorGuard, errorLogLines } from "./console-error-guard";

const guard = createConsoleErrorGuard();

/** The current test must log at least one error matching the pattern; such errors do not fail it. */
export function expectConsoleError(pattern: RegExp): void {
  guard.expect(pattern);
}

/** Errors matching the pattern may be logged in the current test without failing it. */
export function allowConsoleError(pattern: RegExp): void {
  guard.allow(pattern);
}

const originalConsoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  guard.record(format(...args));
  originalConsoleError(...args);
};

for (const stream of [process.stdout, process.stderr]) {
  const originalWrite = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk === "string") for (const line of errorLogLines(chunk)) guard.record(line);
    return originalWrite(chunk, ...rest);
  }) as typeof stream.write;
}

afterEach(() => {
  const problems = guard.settle();
  if (problems.length > 0) throw new Error(`The test logged errors it did not expect:\n${problems.join("\n")}`);
});
