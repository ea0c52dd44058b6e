import { describe, expect, it } from "vitest";

import { parseSandboxEnv } from "./env";

describe("parseSandboxEnv", () => {
  it("uses the defaults when nothing is set (blank counts as unset)", () => {
    expect(parseSandboxEnv({ DILLER_SANDBOX_PORT: " " })).toEqual({
      ok: true,
      env: {
        DILLER_SANDBOX_PORT: 4010,
        DILLER_SANDBOX_HOST: "127.0.0.1",
        DILLER_SANDBOX_SEED: "demo",
        DILLER_SANDBOX_TOKEN_LIFETIME: 3600,
      },
    });
  });

  it("reads every variable", () => {
    const parsed = parseSandboxEnv({
      DILLER_SANDBOX_PORT: "0",
      DILLER_SANDBOX_HOST: "0.0.0.0",
      DILLER_SANDBOX_STATE_FILE: "/tmp/diller.json",
      DILLER_SANDBOX_SEED: "empty",
      DILLER_SANDBOX_TOKEN_LIFETIME: "60",
      DILLER_SANDBOX_LATENCY_MS: "250",
      DILLER_SANDBOX_ERROR_RATE: "0.1",
      DILLER_SANDBOX_RATE_LIMIT_RATE: "0.05",
      DILLER_SANDBOX_STALL_RATE: "0",
    });
    expect(parsed).toEqual({
      ok: true,
      env: {
        DILLER_SANDBOX_PORT: 0,
        DILLER_SANDBOX_HOST: "0.0.0.0",
        DILLER_SANDBOX_STATE_FILE: "/tmp/diller.json",
        DILLER_SANDBOX_SEED: "empty",
        DILLER_SANDBOX_TOKEN_LIFETIME: 60,
        DILLER_SANDBOX_LATENCY_MS: 250,
        DILLER_SANDBOX_ERROR_RATE: 0.1,
        DILLER_SANDBOX_RATE_LIMIT_RATE: 0.05,
        DILLER_SANDBOX_STALL_RATE: 0,
      },
    });
  });

  it.each([
    ["DILLER_SANDBOX_PORT", "http"],
    ["DILLER_SANDBOX_PORT", "70000"],
    ["DILLER_SANDBOX_SEED", "full"],
    ["DILLER_SANDBOX_TOKEN_LIFETIME", "0"],
    ["DILLER_SANDBOX_LATENCY_MS", "-5"],
    ["DILLER_SANDBOX_ERROR_RATE", "1.5"],
    ["DILLER_SANDBOX_RATE_LIMIT_RATE", "lots"],
    ["DILLER_SANDBOX_STALL_RATE", "-0.1"],
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    const parsed = parseSandboxEnv({ [name]: value });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.messages).toEqual([expect.stringContaining(name)]);
  });
});
