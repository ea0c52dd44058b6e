import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts tests/sync/worker-process.ts against the test file's database and waits until it takes jobs. */
export async function startWorkerProcess(env: Record<string, string> = {}): Promise<WorkerProcess> {
  // One process (node with tsx as a loader), so SIGKILL really kills the worker, not a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", resolve("tests/sync/worker-process.ts")], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start:\n${output.join("")}`)), 30_000);
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes("worker-ready")) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`worker exited with ${code}:\n${output.join("")}`));
    });
  });
  return {
    child,
    output,
    kill(signal = "SIGKILL") {
      return new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill(signal);
      });
    },
  };
}

export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 60_000,
): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Job policies for tests with processes: a killed worker's job is retried after a few seconds. */
export function testPolicies<N extends string>(names: readonly N[], expireSeconds = 3) {
  return Object.fromEntries(
    names.map((name) => [
      name,
      { expireSeconds, heartbeatSeconds: undefined, retryDelaySeconds: 1, maxDelaySeconds: 2, maxAttempts: 10 },
    ]),
  ) as Record<
    N,
    {
      expireSeconds: number;
      heartbeatSeconds: undefined;
      retryDelaySeconds: number;
      maxDelaySeconds: number;
      maxAttempts: number;
    }
  >;
}
