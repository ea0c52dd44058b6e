/**
 * Tests may talk to loopback only (the Diller sandbox, PostgreSQL, the app itself). Any other
 * outbound connection is refused at the socket, recorded, and fails the test in afterEach, even
 * when the code under test swallows the error.
 */
import net from "node:net";

import { afterEach, expect } from "vitest";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "::ffff:127.0.0.1"]);

const violations: string[] = [];

export class BlockedNetworkError extends Error {
  constructor(readonly target: string) {
    super(`Outbound network blocked in tests: ${target}`);
    this.name = "BlockedNetworkError";
  }
}

/** Returns and clears the blocked connection attempts (for the guard's own test). */
export function takeNetworkViolations(): string[] {
  return violations.splice(0, violations.length);
}

type ConnectArgs = Parameters<net.Socket["connect"]>;

function targetOf(args: unknown[]): { host?: string; path?: string; port?: unknown } {
  const [first, second] = args;
  if (Array.isArray(first)) return targetOf(first);
  if (typeof first === "object" && first !== null) return first as { host?: string; path?: string; port?: unknown };
  if (typeof first === "string" && Number.isNaN(Number(first))) return { path: first };
  return { port: first, host: typeof second === "string" ? second : "localhost" };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const { host = "localhost", path, port } = targetOf(args);
  if (!path && !LOOPBACK.has(host.replace(/^\[|\]$/g, ""))) {
    const target = `${host}:${String(port)}`;
    violations.push(target);
    const error = new BlockedNetworkError(target);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return originalConnect.apply(this, args as ConnectArgs);
} as net.Socket["connect"];

afterEach(() => {
  const blocked = takeNetworkViolations();
  expect(blocked, "the test tried to reach the network").toEqual([]);
});
