import { describe, expect, it } from "vitest";

import { createLogger, REDACTED } from "./logger.server";

function capture(level: "debug" | "info" | "warn" | "error" = "info") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    write: (line) => lines.push(JSON.parse(line)),
    now: () => new Date("2026-11-28T10:00:00Z"),
  });
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes one JSON object per entry with bound fields", () => {
    const { logger, lines } = capture();
    logger.child({ shop: "a.myshopify.com" }).info("sent", { status: 200 });
    expect(lines).toEqual([
      { time: "2026-11-28T10:00:00.000Z", level: "info", msg: "sent", shop: "a.myshopify.com", status: 200 },
    ]);
  });

  it("drops entries below the level", () => {
    const { logger, lines } = capture("warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(lines.map((line) => line.msg)).toEqual(["loud"]);
  });

  it("redacts personal data and secrets, also nested", () => {
    const { logger, lines } = capture();
    logger.info("member", {
      email: "kari@example.com",
      phone: "+4791234567",
      request: { headers: { authorization: "Bearer abc" }, first_name: "Kari" },
      apiKey: "k",
      memberId: "m-1",
    });
    expect(lines[0]).toMatchObject({
      email: REDACTED,
      phone: REDACTED,
      request: { headers: { authorization: REDACTED }, first_name: REDACTED },
      apiKey: REDACTED,
      memberId: "m-1",
    });
    expect(JSON.stringify(lines)).not.toMatch(/kari|4791234567|Bearer abc/i);
  });

  it("serialises errors by name and message", () => {
    const { logger, lines } = capture();
    logger.error("failed", { error: new TypeError("boom") });
    expect(lines[0]?.error).toEqual({ name: "TypeError", message: "boom" });
  });
});
