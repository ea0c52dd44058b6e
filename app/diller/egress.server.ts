import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

import { DillerConfigError } from "./errors.server";
import type { FetchLike } from "./http.server";

/** Diller's own API hosts: production and pre-release. */
export const DILLER_API_HOSTS = ["api.diller.app", "api.prerelease.dillerapp.com"] as const;

/**
 * Where the server may send a merchant's Diller requests (and the API key with them). A custom
 * base URL is typed in by a merchant, so without this the server would probe whatever it names.
 */
export interface DillerEgressPolicy {
  /** Production: only Diller's hosts and `allowedHosts`, never loopback. Otherwise any https host or loopback. */
  production: boolean;
  /** Operator allowlist (DILLER_ALLOWED_HOSTS), exact host names. */
  allowedHosts: readonly string[];
  /** Resolves a host name to its addresses; when set, every address must be public. */
  resolve?: (host: string) => Promise<string[]>;
}

export const resolveHost = async (host: string) => (await lookup(host, { all: true })).map((entry) => entry.address);

let processPolicy: DillerEgressPolicy = { production: false, allowedHosts: [] };

/** Set once at boot by the composition root; clients built without an explicit policy use it. */
export function setDillerEgressPolicy(policy: DillerEgressPolicy) {
  processPolicy = policy;
}

export function dillerEgressPolicy(): DillerEgressPolicy {
  return processPolicy;
}

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

const nonPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  nonPublic.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8],
] as const) {
  nonPublic.addSubnet(network, prefix, "ipv6");
}

export type AddressKind = "loopback" | "private" | "public";

/** Loopback, private/link-local/reserved, or public. IPv4-mapped IPv6 counts as its IPv4 address. */
export function addressKind(address: string): AddressKind {
  const host = address.replace(/^\[|\]$/g, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  const ip = mapped ?? host;
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  if (loopback.check(ip, family)) return "loopback";
  return nonPublic.check(ip, family) ? "private" : "public";
}

function refuse(message: string): never {
  throw new DillerConfigError(message, { reason: "insecure-base-url" });
}

/** Checks one host (name or address literal) against the policy, before anything is resolved or sent. */
export function checkHost(hostname: string, policy: DillerEgressPolicy): void {
  const host = hostname
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  const literal = isIP(host) !== 0;
  const kind = literal ? addressKind(host) : host === "localhost" ? "loopback" : undefined;
  if (kind === "loopback") {
    if (policy.production) refuse(`Refusing ${host}: loopback is allowed only outside production (a local sandbox).`);
    return;
  }
  if (kind === "private") refuse(`Refusing ${host}: private and link-local addresses are never Diller.`);
  if (!policy.production) return;
  const allowed = [...DILLER_API_HOSTS, ...policy.allowedHosts.map((entry) => entry.toLowerCase())];
  if (!allowed.includes(host)) {
    refuse(`Refusing ${host}: in production only Diller's API hosts and DILLER_ALLOWED_HOSTS are allowed.`);
  }
}

/** Checks every address a host resolves to: none may be private, link-local or (in production) loopback. */
export async function checkResolvedAddresses(hostname: string, policy: DillerEgressPolicy): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (!policy.resolve || isIP(host) !== 0) return;
  for (const address of await policy.resolve(host)) {
    const kind = addressKind(address);
    if (kind === "private" || (kind === "loopback" && policy.production)) {
      refuse(`Refusing ${host}: it resolves to a ${kind} address (${address}).`);
    }
  }
}

/**
 * Every request a Diller client makes goes through this: its host is checked against the policy,
 * its addresses are checked when the policy resolves them, and redirects are not followed (a
 * redirect would carry the Authorization header to wherever it points).
 */
export function guardFetch(fetch: FetchLike, policy: DillerEgressPolicy): FetchLike {
  return async (url, init) => {
    const { hostname } = new URL(url);
    checkHost(hostname, policy);
    await checkResolvedAddresses(hostname, policy);
    const response = await fetch(url, { ...init, redirect: "manual" });
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      refuse(
        `Refusing the redirect from ${hostname} (HTTP ${response.status}): Diller is called only at its base URL.`,
      );
    }
    return response;
  };
}
