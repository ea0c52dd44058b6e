import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { DEMO_MEMBERS, startDillerSandbox } from "./index";
import { asArray, asRecord, createMemoryLogger, expectNoContractViolations, startTestSandbox } from "./test-support";

const directory = mkdtempSync(join(tmpdir(), "diller-sandbox-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const registration = {
  phone: { country_code: "+47", number: "40000088" },
  first_name: "Persisted",
  consent: { gdpr_accepted: true, save_order_history: true },
  segments: [{ segment_id: 3, selected_options: [101] }],
};

describe("state file", () => {
  it("serves the same members and transactions after a restart with the same file", async () => {
    // GIVEN a sandbox with a state file that registers a member and books a purchase
    const stateFile = join(directory, "round-trip.json");
    const first = await startTestSandbox({ stateFile });
    const member = asRecord((await first.store("POST", "/members", { body: registration })).body);
    const memberId = String(member.id);
    await first.store("POST", `/members/${memberId}/transactions`, {
      body: { external_id: "PERSIST-1", total: 1234.5, currency: "NOK" },
    });
    expectNoContractViolations(first.sandbox);
    await first.sandbox.stop();

    // WHEN a new sandbox starts from that file
    const second = await startTestSandbox({ stateFile });
    try {
      // THEN the member, the points and the transaction are back (a duplicate is still a duplicate)
      const reloaded = asRecord((await second.store("GET", `/members/${memberId}`)).body);
      expect(reloaded).toMatchObject({
        first_name: "Persisted",
        membership_detail: { points: 1284.5, level_title: "Silver" },
      });
      const duplicate = await second.store("POST", `/members/${memberId}/transactions`, {
        body: { external_id: "PERSIST-1", total: 1, currency: "NOK" },
      });
      expect(duplicate.status).toBe(400);
      expect(second.sandbox.state).toEqual(JSON.parse(readFileSync(stateFile, "utf8")));
      expectNoContractViolations(second.sandbox);
    } finally {
      await second.sandbox.stop();
    }
  });

  it("writes the file on persist() and on POST /_sandbox/persist", async () => {
    const stateFile = join(directory, "explicit.json");
    const t = await startTestSandbox({ stateFile });
    try {
      await t.sandbox.persist();
      expect(JSON.parse(readFileSync(stateFile, "utf8"))).toMatchObject({ version: 1 });

      await t.store("DELETE", `/members/${DEMO_MEMBERS.lise}`);
      const response = await t.raw("POST", "/_sandbox/persist");
      expect(response.status).toBe(200);
      const saved = JSON.parse(readFileSync(stateFile, "utf8"));
      const lise = saved.stores[0].members.find((member: { id: string }) => member.id === DEMO_MEMBERS.lise);
      expect(lise.deletedAt).toEqual(expect.any(String));
    } finally {
      await t.sandbox.stop();
    }
  });

  it("refuses to start from a file that is not a valid state, naming the problem", async () => {
    const stateFile = join(directory, "broken.json");
    writeFileSync(stateFile, JSON.stringify({ version: 1, sequences: {}, stores: [{ id: "short" }] }));

    await expect(startDillerSandbox({ stateFile, logger: createMemoryLogger() })).rejects.toThrow(
      /broken\.json.*sequences/s,
    );
  });

  it("refuses a file that is not JSON", async () => {
    const stateFile = join(directory, "not-json.json");
    writeFileSync(stateFile, "{ nope");

    await expect(startDillerSandbox({ stateFile, logger: createMemoryLogger() })).rejects.toThrow(/not valid JSON/);
  });

  it("says so when persist() has no file to write", async () => {
    const t = await startTestSandbox();
    try {
      await expect(t.sandbox.persist()).rejects.toThrow(/no stateFile/);
      expect((await t.raw("POST", "/_sandbox/persist")).status).toBe(409);
    } finally {
      await t.sandbox.stop();
    }
  });
});

describe("admin endpoints", () => {
  it("expose health, state, one-time codes, token expiry and reset", async () => {
    const t = await startTestSandbox({ seed: "empty" });
    try {
      const health = asRecord((await t.raw("GET", "/_sandbox/health")).body);
      expect(health).toMatchObject({ status: "ok", baseUrl: t.sandbox.baseUrl });

      const emptyState = asRecord((await t.raw("GET", "/_sandbox/state")).body);
      expect(asArray(emptyState.stores).map((store) => asArray(asRecord(store).members).length)).toEqual([0, 0]);

      await t.raw("POST", "/_sandbox/reset", {
        headers: { "Content-Type": "application/json" },
        body: '{"seed":"demo"}',
      });
      expect(t.sandbox.state.stores[0]?.members.length).toBeGreaterThan(0);

      await t.store("POST", `/members/${DEMO_MEMBERS.kari}/login-otp`);
      const otps = asArray((await t.raw("GET", "/_sandbox/otps")).body);
      expect(otps).toEqual([{ memberId: DEMO_MEMBERS.kari, purpose: "login", code: expect.stringMatching(/^\d{6}$/) }]);

      const token = await t.token();
      await t.raw("POST", "/_sandbox/expire-tokens");
      expect((await t.store("GET", "", { token })).status).toBe(401);

      expect((await t.raw("GET", "/_sandbox/nothing")).status).toBe(404);
      const badSeed = await t.raw("POST", "/_sandbox/reset", {
        headers: { "Content-Type": "application/json" },
        body: '{"seed":"x"}',
      });
      expect(badSeed.status).toBe(400);
      expectNoContractViolations(t.sandbox);
    } finally {
      await t.sandbox.stop();
    }
  });
});
