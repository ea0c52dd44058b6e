/**
 * Child processes for benchmark and chaos runs: the production server (`node server.mjs`, built by
 * `npm run build`) and worker processes (`scripts/worker.ts`), each with its own environment.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface Child {
  child: ChildProcess;
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Builds the production bundle when build/server/index.js is missing. */
export function ensureBuild() {
  if (existsSync("build/server/index.js")) return;
  console.log("build/server/index.js is missing: running npm run build");
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("npm run build failed");
}

/**
 * The app's environment for a run. NODE_ENV is `development`, not `production`: the production
 * egress policy allows only Diller's hosts, and these runs talk to the sandbox on loopback.
 */
export function appEnvironment(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "development",
    SHOPIFY_API_KEY: "bench-client-id",
    SHOPIFY_API_SECRET: BENCH_SECRET,
    SHOPIFY_APP_URL: "https://bench.example.com",
    SCOPES: "read_orders,write_orders,read_customers,write_customers",
    DATABASE_URL: databaseUrl,
    APP_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    LOG_LEVEL: "warn",
    // BENCH_NODE_OPTIONS=--cpu-prof profiles the app's processes while a benchmark runs.
    ...(process.env.BENCH_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS } : {}),
    ...extra,
  };
}

export const BENCH_SECRET = randomBytes(16).toString("hex");
export const BENCH_ENCRYPTION_KEY = randomBytes(32).toString("base64");

export function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, readyText: string): Promise<Child> {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // BENCH_ECHO=1 shows the child's stderr as it comes (diagnostics while a benchmark runs).
  if (process.env.BENCH_ECHO) child.stderr?.on("data", (c: Buffer) => process.stderr.write(c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} did not start:\n${output.join("")}`)), 60_000);
    const onData = (chunk: Buffer) => {
      if (!chunk.toString().includes(readyText)) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve({
        child,
        output,
        stop(signal = "SIGTERM") {
          return new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill(signal);
          });
        },
      });
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited with ${code}:\n${output.join("")}`));
    });
  });
}

export async function startAppServer(env: NodeJS.ProcessEnv, nodeArgs: string[] = []) {
  const port = await freePort();
  const server = await startChild(
    process.execPath,
    [...nodeArgs, "server.mjs"],
    { ...env, PORT: String(port), HOST: "127.0.0.1" },
    "[server]",
  );
  return { ...server, baseUrl: `http://127.0.0.1:${port}` };
}

/** A worker process (`npm run worker`'s script), as one node process so SIGKILL really kills it. */
export function startWorker(env: NodeJS.ProcessEnv) {
  return startChild(process.execPath, ["--import", "tsx", "scripts/worker.ts"], env, "worker running");
}

/** User + system CPU of a process in milliseconds (Linux, from /proc: meaningful on a shared machine). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}
