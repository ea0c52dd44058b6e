import { afterEach, describe, expect, it, vi } from "vitest";

import { parseEnv } from "./env.server";

const saved = { NODE_ENV: process.env.NODE_ENV, JOB_WORKER: process.env.JOB_WORKER };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  globalThis.__dillerWorkerStarted = undefined;
  vi.resetModules();
});

describe("the composition root", () => {
  it("GIVEN JOB_WORKER=inline outside tests WHEN the app module is imported THEN no background worker starts", async () => {
    Object.assign(process.env, { NODE_ENV: "development", JOB_WORKER: "inline" });
    vi.resetModules();
    const module = await import("./shopify.server");
    expect(module.app.env.JOB_WORKER).toBe("inline");
    expect(module.app.env.NODE_ENV).toBe("development");
    expect(globalThis.__dillerWorkerStarted).toBeUndefined();
  });

  it("GIVEN two environments WHEN each builds an app THEN each gets its own services, built from its own settings", async () => {
    const { createApp } = await import("./shopify.server");
    const first = createApp(parseEnv({ ...process.env, MAX_REQUEST_BODY_BYTES: "100000" }));
    const second = createApp(parseEnv({ ...process.env, MAX_REQUEST_BODY_BYTES: "200000" }));
    expect(first.webhookVerification.maxBodyBytes).toBe(100_000);
    expect(second.webhookVerification.maxBodyBytes).toBe(200_000);
    expect(first.syncEngine).not.toBe(second.syncEngine);
    expect(first.checkout).not.toBe(second.checkout);
    expect(first.storeReads).not.toBe(second.storeReads);
    expect(globalThis.__dillerWorkerStarted).toBeUndefined();
  });
});
