/**
 * The app as a merchant's browser meets it: a production build served by server.mjs (npm start) on
 * 127.0.0.1, against the test file's database and the local Diller sandbox.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const remixCli = join(dirname(require.resolve("@remix-run/dev/package.json")), "dist/cli.js");

/** The environment without the test runner's markers (Vite and Remix change behaviour under them). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
  return { ...env, NODE_ENV: "production", ...extra };
}

/** `remix vite:build` into build/ (the same output as `npm run build`). */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [remixCli, "vite:build"], {
    env: cleanEnv({}),
    encoding: "utf8",
    timeout: 240_000,
  });
  if (result.status !== 0) {
    throw new Error(`the production build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

export async function freePort(): Promise<number> {
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

export interface AppServer {
  url: string;
  /** Everything the server printed (access log, app logs). */
  output(): string;
  stop(): Promise<void>;
}

export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const chunks: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    env: cleanEnv({ ...env, SHOPIFY_APP_URL: url, PORT: String(port), HOST: "127.0.0.1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  let exited: number | null | undefined;
  child.on("exit", (code) => {
    exited = code;
  });

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the app server exited (${exited}):\n${chunks.join("")}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the app server did not answer within 30 s:\n${chunks.join("")}`);
    }
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  return {
    url,
    output: () => chunks.join(""),
    async stop() {
      if (exited !== undefined) return;
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await done;
      clearTimeout(timer);
    },
  };
}
