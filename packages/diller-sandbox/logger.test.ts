import { describe, expect, it } from "vitest";

import { createJsonLogger } from "./logger";

describe("createJsonLogger", () => {
  it("writes one JSON object per line with time, level, message, bound and call fields", () => {
    const lines: string[] = [];
    const logger = createJsonLogger({
      write: (line) => lines.push(line),
      now: () => new Date("2030-01-02T03:04:05.000Z"),
      fields: { component: "diller-sandbox" },
    });

    logger.info("listening", { baseUrl: "http://127.0.0.1:4010" });
    logger.error("failed", { error: new TypeError("boom") });

    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        time: "2030-01-02T03:04:05.000Z",
        level: "info",
        msg: "listening",
        component: "diller-sandbox",
        baseUrl: "http://127.0.0.1:4010",
      },
      {
        time: "2030-01-02T03:04:05.000Z",
        level: "error",
        msg: "failed",
        component: "diller-sandbox",
        error: { name: "TypeError", message: "boom" },
      },
    ]);
  });
});
