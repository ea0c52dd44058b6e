/**
 * Test harness for the admin routes: the real composition root (Shopify's session-token
 * authentication, Prisma, the Diller client), a Diller sandbox on loopback, and helpers that call
 * loaders and actions with real embedded-admin Requests. Every response body is recorded, so a
 * test can assert what never reaches the browser (the API key).
 */
import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { vi } from "vitest";

import { startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { sandboxConnection } from "../../../tests/diller-connection";
import type { Prisma, Shop } from "~/db.server";
import type * as ShopifyServer from "~/shopify.server";
import { adminRequest, offlineSession, TEST_SHOP } from "../../../tests/shopify";

/** A loader or an action (both take the same arguments). */
type RouteFunction = (args: LoaderFunctionArgs) => Promise<unknown>;

export interface RouteResult<Fn extends RouteFunction> {
  status: number;
  /** Where a redirect points (thrown or returned), else null. */
  location: string | null;
  data: SerializeFrom<Fn>;
}

const silentSandboxLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface AdminHarness {
  sandbox: RunningSandbox;
  app: typeof ShopifyServer;
  /** Every body a loader or action produced, as sent. */
  bodies: string[];
  /** Creates the shop connected to the sandbox and onboarded (the state after onboarding). */
  connectShop(overrides?: Partial<Prisma.ShopUncheckedCreateInput>): Promise<Shop>;
  load<Fn extends RouteFunction>(loader: Fn, path: string): Promise<RouteResult<Fn>>;
  act<Fn extends RouteFunction>(action: Fn, path: string, fields: Record<string, string>): Promise<RouteResult<Fn>>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startAdminHarness(): Promise<AdminHarness> {
  const sandbox = await startDillerSandbox({ logger: silentSandboxLogger });
  const app = await import("~/shopify.server");
  const bodies: string[] = [];

  async function invoke<Fn extends RouteFunction>(fn: Fn, request: Request): Promise<RouteResult<Fn>> {
    let outcome: unknown;
    try {
      outcome = await fn({ request, params: {}, context: {} });
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      outcome = thrown;
    }
    if (outcome instanceof Response) {
      const text = await outcome.text();
      bodies.push(text);
      const isJson = outcome.headers.get("Content-Type")?.includes("json") ?? false;
      return {
        status: outcome.status,
        location: outcome.headers.get("Location"),
        data: isJson && text ? JSON.parse(text) : null,
      };
    }
    const text = JSON.stringify(outcome);
    bodies.push(text);
    return { status: 200, location: null, data: JSON.parse(text) };
  }

  const harness: AdminHarness = {
    sandbox,
    app,
    bodies,
    async connectShop(overrides = {}) {
      const data = {
        ...sandboxConnection(sandbox, app.secrets),
        onboardedAt: new Date(),
        extensionSetupAt: new Date(),
        ...overrides,
      };
      return app.db.shop.upsert({ where: { shop: TEST_SHOP }, create: { shop: TEST_SHOP, ...data }, update: data });
    },
    async load(loader, path) {
      return invoke(loader, await adminRequest(path));
    },
    async act(action, path, fields) {
      return invoke(action, await adminRequest(path, { method: "POST", body: new URLSearchParams(fields) }));
    },
    async reset() {
      app.storeReads.clear();
      sandbox.reset();
      await app.db.shop.deleteMany({});
      await app.db.session.deleteMany({});
      await app.sessionStorage.storeSession(offlineSession());
      bodies.length = 0;
    },
    async stop() {
      await sandbox.stop();
    },
  };
  await harness.reset();
  return harness;
}

/**
 * Collects everything written to stdout and stderr (the app's JSON logs) and to the console (the
 * Shopify library's logs) until restored.
 */
export function captureOutput() {
  const lines: string[] = [];
  const record = (chunk: unknown) => {
    lines.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk));
    return true;
  };
  const recordConsole = (...values: unknown[]) => {
    lines.push(`${values.map((value) => (typeof value === "string" ? value : JSON.stringify(value))).join(" ")}\n`);
  };
  const spies = [
    vi.spyOn(process.stdout, "write").mockImplementation(record),
    vi.spyOn(process.stderr, "write").mockImplementation(record),
    ...(["log", "info", "warn", "error", "debug"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(recordConsole),
    ),
  ];
  return {
    text: () => lines.join(""),
    restore() {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
