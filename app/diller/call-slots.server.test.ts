import { describe, expect, it } from "vitest";

import { createCallSlots, jobsForCallSlots } from "./call-slots.server";
import type { FetchLike } from "./http.server";
import { createFakeDiller, createTestClient, FAKE_STORE_ID } from "./testing/fake-diller";

const GET_MEMBER = `GET /api/v2.0/stores/${FAKE_STORE_ID}/members/m1`;

describe("createCallSlots", () => {
  it("gives out at most its limit, then hands each returned slot to the longest waiter", async () => {
    const slots = createCallSlots(2);
    const first = await slots.take();
    const second = await slots.take();
    const order: string[] = [];
    const third = slots.take().then((release) => (order.push("third"), release));
    const fourth = slots.take().then((release) => (order.push("fourth"), release));
    expect(slots.usage()).toEqual({ inUse: 2, waiting: 2 });

    second();
    second(); // a slot given back twice counts once
    (await third)();
    first();
    (await fourth)();
    expect(order).toEqual(["third", "fourth"]);
    expect(slots.usage()).toEqual({ inUse: 0, waiting: 0 });
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a limit of %s", (limit) => {
    expect(() => createCallSlots(limit)).toThrow(RangeError);
  });

  it.each([
    [1, 2],
    [4, 5],
    [8, 10],
    [16, 20],
    [32, 40],
  ])("runs %i slots' jobs as %i jobs", (slots, jobs) => {
    expect(jobsForCallSlots(slots)).toBe(jobs);
  });
});

describe("a Diller client with call slots", () => {
  /** The fake Diller's fetch, holding each API answer `holdMs` and counting the calls in flight. */
  function heldFetch(fetch: FetchLike, holdMs: number) {
    const seen = { now: 0, most: 0 };
    const held: FetchLike = async (url, init) => {
      if (new URL(url).pathname.endsWith("/connect/token")) return fetch(url, init);
      seen.most = Math.max(seen.most, ++seen.now);
      try {
        await new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, holdMs);
          init.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(new Error("aborted"));
          });
        });
        return await fetch(url, init);
      } finally {
        seen.now--;
      }
    };
    return { held, seen };
  }

  it("keeps at most its slots' API calls in flight, and every call is answered", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, { json: { id: "m1", gender: "Female", email: "kari@example.com" } });
    const { held, seen } = heldFetch(fake.fetch, 20);
    const { client } = createTestClient(fake, { fetch: held, callSlots: createCallSlots(2) });

    const members = await Promise.all(Array.from({ length: 5 }, () => client.members.getMember({ memberId: "m1" })));

    expect(members.map((member) => member.id)).toEqual(["m1", "m1", "m1", "m1", "m1"]);
    expect(seen.most).toBe(2);
    expect(fake.apiRequests()).toHaveLength(5);
  });

  it("times a call from when it has a slot, not from when it began to wait", async () => {
    const fake = createFakeDiller();
    fake.reply(GET_MEMBER, { json: { id: "m1", gender: "Female", email: "kari@example.com" } });
    // Each answer takes 60 ms of a 100 ms timeout; the second call waits 60 ms for the one slot first.
    const { held } = heldFetch(fake.fetch, 60);
    const { client } = createTestClient(fake, {
      fetch: held,
      callSlots: createCallSlots(1),
      timeoutMs: 100,
      retry: { maxAttempts: 1 },
    });

    const both = await Promise.all([
      client.members.getMember({ memberId: "m1" }),
      client.members.getMember({ memberId: "m1" }),
    ]);

    expect(both.map((member) => member.id)).toEqual(["m1", "m1"]);
    expect(fake.apiRequests()).toHaveLength(2);
  });
});
