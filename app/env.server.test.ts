import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "./env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
  SCOPES: "read_orders, write_customers",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

function issuesOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.issues;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("parses a complete environment and applies defaults", () => {
    const env = parseEnv(valid);
    expect(env.SCOPES).toEqual(["read_orders", "write_customers"]);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.sqlite");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.APP_ENCRYPTION_KEYS_PREVIOUS).toEqual([]);
  });

  it.each([
    ["SHOPIFY_API_KEY", undefined, "SHOPIFY_API_KEY: is required"],
    ["SHOPIFY_API_KEY", "", "SHOPIFY_API_KEY: is required"],
    ["SHOPIFY_APP_URL", "app.example.com", "SHOPIFY_APP_URL: must be the app's absolute http(s) URL"],
    ["SCOPES", " , ", "SCOPES: must list at least one access scope"],
    ["DATABASE_URL", "mysql://localhost/db", "DATABASE_URL: must start with file:"],
    ["APP_ENCRYPTION_KEY", "too-short", "APP_ENCRYPTION_KEY: must be 32 random bytes"],
    ["APP_ENCRYPTION_KEYS_PREVIOUS", "abc", "APP_ENCRYPTION_KEYS_PREVIOUS.0: must be 32 random bytes"],
    ["LOG_LEVEL", "verbose", "LOG_LEVEL: "],
  ])("names %s when it is %j", (variable, value, expected) => {
    const issues = issuesOf({ ...valid, [variable]: value });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain(expected);
  });

  it("never echoes a secret value in its message", () => {
    const secretLookingKey = "s3cr3t-value-that-is-not-base64!";
    const error = (() => {
      try {
        parseEnv({ ...valid, APP_ENCRYPTION_KEY: secretLookingKey });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(String(error)).not.toContain(secretLookingKey);
  });

  it.each([
    ["file:./prisma/dev.sqlite"],
    ["postgresql://postgres@127.0.0.1:5432/app"],
    ["postgres://user:pw@db.internal/app?sslmode=require"],
  ])("accepts DATABASE_URL %s", (url) => {
    expect(parseEnv({ ...valid, DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("accepts a hex encryption key", () => {
    expect(() => parseEnv({ ...valid, APP_ENCRYPTION_KEY: "ab".repeat(32) })).not.toThrow();
  });
});
