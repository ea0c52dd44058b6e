import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { silentLogger } from "~/logger.server";

import { createDillerClient, testDillerConnection } from "./client.server";
import { addressKind, checkHost, checkResolvedAddresses, type DillerEgressPolicy } from "./egress.server";
import { DillerConfigError } from "./errors.server";
import { createTokenCache } from "./token-cache.server";

const production = (allowedHosts: string[] = [], dns: Record<string, string[]> = {}): DillerEgressPolicy => ({
  production: true,
  allowedHosts,
  resolve: async (host) => dns[host] ?? ["93.184.216.34"],
});
const development: DillerEgressPolicy = { production: false, allowedHosts: [] };

describe("addressKind", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "private"],
    ["100.64.0.1", "private"],
    ["0.0.0.0", "private"],
    ["fd00::1", "private"],
    ["fe80::1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["172.32.0.1", "public"],
    ["93.184.216.34", "public"],
    ["2606:4700::1111", "public"],
  ])("%s is %s", (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe("checkHost", () => {
  it.each([
    ["api.diller.app", production()],
    ["api.prerelease.dillerapp.com", production()],
    ["diller.partner.example", production(["diller.partner.example"])],
    ["127.0.0.1", development],
    ["localhost", development],
    ["diller.example.com", development],
  ])("allows %s", (host, policy) => {
    expect(() => checkHost(host, policy)).not.toThrow();
  });

  it.each([
    ["127.0.0.1", production()],
    ["localhost", production()],
    ["[::1]", production()],
    ["evil.example.com", production()],
    ["10.0.0.5", production(["10.0.0.5"])],
    ["169.254.169.254", development],
    ["192.168.0.10", development],
  ])("refuses %s", (host, policy) => {
    expect(() => checkHost(host, policy)).toThrow(DillerConfigError);
  });
});

describe("checkResolvedAddresses", () => {
  it("refuses an allowed host whose name resolves to a private address", async () => {
    const policy = production(["diller.partner.example"], { "diller.partner.example": ["93.184.216.34", "10.0.0.7"] });
    await expect(checkResolvedAddresses("diller.partner.example", policy)).rejects.toThrow(/private address/);
  });

  it("refuses a name that resolves to loopback in production", async () => {
    const policy = production(["diller.partner.example"], { "diller.partner.example": ["127.0.0.1"] });
    await expect(checkResolvedAddresses("diller.partner.example", policy)).rejects.toThrow(/loopback/);
  });

  it("accepts public addresses", async () => {
    await expect(checkResolvedAddresses("api.diller.app", production())).resolves.toBeUndefined();
  });
});

describe("Diller clients under the egress policy", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function listen(
    handler: (request: IncomingMessage, respond: (status: number, headers?: object, body?: string) => void) => void,
  ) {
    const server = createServer((request, response) =>
      handler(request, (status, headers = {}, body = "") => {
        response.writeHead(status, { "content-type": "application/json", ...headers });
        response.end(body);
      }),
    );
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as AddressInfo).port;
  }

  it("does not follow a redirect, so the bearer token never reaches another host", async () => {
    const reachedInternal: string[] = [];
    const internalPort = await listen((request, respond) => {
      reachedInternal.push(`${request.method} ${request.url} ${request.headers.authorization ?? ""}`);
      respond(200, {}, '{"id":"store-1","secret":"internal"}');
    });
    const dillerPort = await listen((request, respond) => {
      if (request.url === "/connect/token") {
        return respond(200, {}, '{"access_token":"bearer-1","expires_in":3600,"token_type":"Bearer"}');
      }
      if (request.url?.startsWith("/.well-known")) return respond(404);
      respond(307, { location: `http://localhost:${internalPort}/internal` });
    });
    const client = createDillerClient({
      baseUrl: `http://127.0.0.1:${dillerPort}`,
      storeId: "store-1",
      apiKey: "key",
      egress: development,
      logger: silentLogger,
      tokenCache: createTokenCache(),
      retry: { maxAttempts: 1 },
    });
    await expect(client.stores.getStore()).rejects.toThrow(/redirect/);
    expect(reachedInternal).toEqual([]);
  });

  it("refuses a loopback base URL in production before sending anything", async () => {
    let reached = 0;
    const port = await listen((_request, respond) => {
      reached += 1;
      respond(200);
    });
    const result = await testDillerConnection({
      baseUrl: `http://127.0.0.1:${port}`,
      storeId: "store-1",
      apiKey: "key",
      egress: production(),
      logger: silentLogger,
    });
    expect(result).toMatchObject({ ok: false, problem: "insecure-base-url" });
    expect(reached).toBe(0);
  });

  it("refuses a custom host in production that DNS points at a private address", async () => {
    const requests: string[] = [];
    const result = await testDillerConnection({
      baseUrl: "https://diller.partner.example",
      storeId: "store-1",
      apiKey: "key",
      egress: production(["diller.partner.example"], { "diller.partner.example": ["192.168.10.20"] }),
      fetch: async (url) => {
        requests.push(url);
        return new Response("{}");
      },
      logger: silentLogger,
      tokenCache: createTokenCache(),
    });
    expect(result).toMatchObject({ ok: false, problem: "insecure-base-url" });
    expect(requests).toEqual([]);
  });
});
