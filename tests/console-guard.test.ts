import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { createLogger } from "~/logger.server";

import { createConsoleErrorGuard, errorLogLines } from "./setup/console-error-guard";
import { allowConsoleError, expectConsoleError } from "./setup/console-guard";

describe("the console.error guard's bookkeeping", () => {
  it.each([
    { case: "nothing logged", logged: [], allow: [], expect: [], problems: [] },
    {
      case: "an undeclared error",
      logged: ["boom"],
      allow: [],
      expect: [],
      problems: ["unexpected error log: boom"],
    },
    { case: "an allowed error", logged: ["retrying shop"], allow: [/retrying/], expect: [], problems: [] },
    { case: "an allowance that is not used", logged: [], allow: [/retrying/], expect: [], problems: [] },
    {
      case: "an expected error that occurs",
      logged: ["webhook rejected"],
      allow: [],
      expect: [/rejected/],
      problems: [],
    },
    {
      case: "an expected error that never occurs",
      logged: [],
      allow: [],
      expect: [/rejected/],
      problems: ["expected an error log matching /rejected/, none was written"],
    },
    {
      case: "an allowance does not cover a different error",
      logged: ["retrying", "disk full"],
      allow: [/retrying/],
      expect: [],
      problems: ["unexpected error log: disk full"],
    },
  ])("GIVEN $case THEN the problems are $problems", ({ logged, allow, expect: expected, problems }) => {
    const guard = createConsoleErrorGuard();
    allow.forEach((pattern) => guard.allow(pattern));
    expected.forEach((pattern) => guard.expect(pattern));
    logged.forEach((message) => guard.record(message));
    expect(guard.settle()).toEqual(problems);
  });

  it("starts every test afresh: declarations and messages do not carry over", () => {
    const guard = createConsoleErrorGuard();
    guard.allow(/boom/);
    guard.record("boom");
    expect(guard.settle()).toEqual([]);
    guard.record("boom");
    expect(guard.settle()).toEqual(["unexpected error log: boom"]);
  });

  it.each([
    { case: "an error line of the app logger", chunk: '{"level":"error","msg":"x"}\n', errors: 1 },
    { case: "an info line", chunk: '{"level":"info","msg":"x"}\n', errors: 0 },
    { case: "plain text mentioning an error level", chunk: 'note: "level":"error"\n', errors: 0 },
    { case: "two lines, one an error", chunk: '{"level":"warn"}\n{"level":"error","msg":"y"}\n', errors: 1 },
    { case: "a truncated JSON line", chunk: '{"level":"error",\n', errors: 0 },
  ])("GIVEN $case written to stdout THEN $errors error line(s) count", ({ chunk, errors }) => {
    expect(errorLogLines(chunk)).toHaveLength(errors);
  });
});

describe("the console.error guard in a test run", () => {
  it("WHEN a test declares the error it logs THEN it passes", () => {
    expectConsoleError(/expected in this test/);
    allowConsoleError(/app logger line/);
    console.error("expected in this test");
    createLogger({ level: "error" }).error("app logger line");
  });

  it("GIVEN a test that logs an undeclared console.error or logger error THEN vitest fails it", () => {
    const dir = mkdtempSync(join(tmpdir(), "console-guard-"));
    try {
      writeFileSync(
        join(dir, "noisy.test.ts"),
        [
          'import { it } from "vitest";',
          'it("quietly logs an error", () => { console.error("undeclared failure"); });',
          'it("logs through the app logger", () => { process.stdout.write(\'{"level":"error","msg":"logger failure"}\\n\'); });',
          'it("stays quiet", () => {});',
        ].join("\n"),
      );
      const setup = join(process.cwd(), "tests/setup/console-guard.ts");
      writeFileSync(
        join(dir, "vitest.config.mjs"),
        `export default { test: { setupFiles: [${JSON.stringify(setup)}] } };`,
      );
      const run = spawnSync(
        process.execPath,
        [join(process.cwd(), "node_modules/vitest/vitest.mjs"), "run", "--root", dir],
        { encoding: "utf8", env: { ...process.env, CI: "1", NO_COLOR: "1" } },
      );
      const output = run.stdout + run.stderr;
      expect(run.status).not.toBe(0);
      expect(output).toContain("unexpected error log: undeclared failure");
      expect(output).toContain('unexpected error log: {"level":"error","msg":"logger failure"}');
      expect(output).toMatch(/2 failed.*1 passed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
