import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { describe, expect, it } from "vitest";

import { takeNetworkViolations } from "./setup/network-guard";

describe("the test network guard", () => {
  it("refuses connections beyond loopback and records them", async () => {
    // GIVEN a test that reaches for the internet
    // WHEN it fetches a public host
    const attempt = fetch("https://example.com/");
    // THEN the socket is refused before any DNS lookup, and the attempt is recorded
    await expect(attempt).rejects.toThrow();
    expect(takeNetworkViolations()).toEqual(["example.com:443"]);
  });

  it("lets loopback traffic through", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(await response.text()).toBe("ok");
      expect(takeNetworkViolations()).toEqual([]);
    } finally {
      server.close();
    }
  });
});
