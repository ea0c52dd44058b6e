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
    expect(env.MAX_REQUEST_BODY_BYTES).toBe(5 * 1024 * 1024);
    expect(env.WEBHOOK_RETENTION_DAYS).toBe(30);
    expect(env.ORDER_DATA_RETENTION_DAYS).toBe(180);
    expect(env.DILLER_ALLOWED_HOSTS).toEqual([]);
  });

  it("parses the hardening settings", () => {
    const env = parseEnv({
      ...valid,
      MAX_REQUEST_BODY_BYTES: "2097152",
      WEBHOOK_RETENTION_DAYS: "14",
      ORDER_DATA_RETENTION_DAYS: "400",
      DILLER_ALLOWED_HOSTS: "diller.partner.example, api.other.example",
    });
    expect(env).toMatchObject({
      MAX_REQUEST_BODY_BYTES: 2_097_152,
      WEBHOOK_RETENTION_DAYS: 14,
      ORDER_DATA_RETENTION_DAYS: 400,
      DILLER_ALLOWED_HOSTS: ["diller.partner.example", "api.other.example"],
    });
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
    ["MAX_REQUEST_BODY_BYTES", "1000", "MAX_REQUEST_BODY_BYTES: "],
    ["WEBHOOK_RETENTION_DAYS", "1", "WEBHOOK_RETENTION_DAYS: "],
    ["DILLER_ALLOWED_HOSTS", "https://x.example", "DILLER_ALLOWED_HOSTS.0: must be host names"],
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
