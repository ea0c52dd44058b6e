import { describe, expect, it } from "vitest";

import { isLoopbackHost, parseDillerBaseUrl } from "./base-url.server";
import { DillerConfigError } from "./errors.server";

describe("parseDillerBaseUrl", () => {
  it.each([
    ["https://api.diller.app", "https://api.diller.app", false],
    ["https://api.prerelease.dillerapp.com/", "https://api.prerelease.dillerapp.com", false],
    ["  https://api.diller.app/base/  ", "https://api.diller.app/base", false],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010", true],
    ["http://127.9.8.7", "http://127.9.8.7", true],
    ["http://localhost:4010/", "http://localhost:4010", true],
    ["http://[::1]:4010", "http://[::1]:4010", true],
    ["https://127.0.0.1:4010", "https://127.0.0.1:4010", false],
  ])("accepts %s", (raw, baseUrl, allowInsecureRequests) => {
    expect(parseDillerBaseUrl(raw)).toEqual({ baseUrl, allowInsecureRequests });
  });

  it.each([
    ["http://diller.example", "insecure-base-url"],
    ["http://api.diller.app", "insecure-base-url"],
    ["http://10.0.0.5:4010", "insecure-base-url"],
    ["http://128.0.0.1", "insecure-base-url"],
    ["http://localhost.evil.example", "insecure-base-url"],
    ["http://127.0.0.1.nip.io", "insecure-base-url"],
    ["api.diller.app", "invalid-base-url"],
    ["ftp://api.diller.app", "invalid-base-url"],
    ["https://user:pass@api.diller.app", "invalid-base-url"],
    ["https://api.diller.app/?x=1", "invalid-base-url"],
    ["", "invalid-base-url"],
  ])("refuses %s (%s)", (raw, reason) => {
    let thrown: unknown;
    try {
      parseDillerBaseUrl(raw);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DillerConfigError);
    expect(thrown).toMatchObject({ reason });
  });

  it("explains why plain http is refused", () => {
    expect(() => parseDillerBaseUrl("http://diller.example")).toThrow(/https:\/\/.*loopback|local sandbox/);
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["127.0.0.1", true],
    ["127.255.255.254", true],
    ["[::1]", true],
    ["::1", true],
    ["127.0.0.256", false],
    ["126.0.0.1", false],
    ["0.0.0.0", false],
    ["[::]", false],
    ["localhost.example", false],
    ["diller.example", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
