import { beforeEach, describe, expect, it, vi } from "vitest";

import { getDatabase, type Database } from "~/db.server";
import { silentLogger } from "~/logger.server";

import { createWebhookReceiver, type WebhookReceiverDeps } from "./receive.server";
import { createWebhookVerifier } from "./verify.server";
import { webhookRequest } from "../../tests/shopify";

const SHOP = "a.myshopify.com";
const SECRET = "test-secret";
const db = getDatabase();

function receiver(overrides: Partial<WebhookReceiverDeps> = {}) {
  return createWebhookReceiver({
    verifyWebhook: createWebhookVerifier(SECRET),
    maxBodyBytes: 1024 * 1024,
    db,
    logger: silentLogger,
    ...overrides,
  });
}

function signed(body: string | object, topic = "orders/paid", shop = SHOP) {
  return webhookRequest({ path: "/webhooks/orders/paid", topic, body, shop, secret: SECRET });
}

/** A body that never ends, counting how many bytes the server pulled from it. */
function endlessBody(headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("https://app.example.com/webhooks/orders/paid", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

beforeEach(async () => {
  await db.webhookEvent.deleteMany({});
  await db.shop.upsert({ where: { shop: SHOP }, create: { shop: SHOP }, update: {} });
});

describe("createWebhookReceiver", () => {
  it("answers 503 with Retry-After when the inbox cannot store the delivery, so Shopify retries", async () => {
    // GIVEN a database that is down (the shop lookup works, the insert does not)
    const unavailable = {
      shop: db.shop,
      session: db.session,
      webhookEvent: { create: () => Promise.reject(new Error("connection refused")) },
    } as unknown as Database;
    // WHEN a verified webhook arrives
    const response = await receiver({ db: unavailable })(signed({ id: 1 }), {
      topics: ["ORDERS_PAID"],
      job: "order-sync",
    });
    // THEN it is not acknowledged
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("60");
  });

  it("keeps a payload the database refuses as INVALID once, answered 200, never retried", async () => {
    // GIVEN a database that refuses this payload's bytes (PostgreSQL: invalid byte sequence)
    const create = vi.fn((args: { data: { payload: string } }) =>
      args.data.payload === "{}"
        ? db.webhookEvent.create(args as Parameters<typeof db.webhookEvent.create>[0])
        : Promise.reject(
            Object.assign(new Error("invalid byte sequence"), { cause: { kind: "postgres", code: "22021" } }),
          ),
    );
    const refusing = { shop: db.shop, session: db.session, webhookEvent: { create } } as unknown as Database;
    const response = await receiver({ db: refusing })(signed({ id: 1 }), {
      topics: ["ORDERS_PAID"],
      job: "order-sync",
    });
    expect(response.status).toBe(200);
    const stored = await db.webhookEvent.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: "INVALID", payload: "{}" });
    expect(stored[0]?.note).toMatch(/could not be stored/);
  });

  it("cleans NUL characters and unpaired surrogates at the boundary, so the payload stores and parses", async () => {
    const dispatch = vi.fn(() => Promise.resolve());
    const body = '{"id":1,"name":"#1001\\u0000","note":"bad \\ud800 text","customer":{"first_name":"A\u0000"}}';
    const response = await receiver({ dispatch })(signed(body), { topics: ["ORDERS_PAID"], job: "order-sync" });
    expect(response.status).toBe(200);
    const [stored] = await db.webhookEvent.findMany();
    expect(stored).toMatchObject({
      status: "RECEIVED",
      orderId: "1",
      note: "removed NUL characters and unpaired surrogates",
    });
    const payload = JSON.parse(stored?.payload ?? "") as {
      name: string;
      note: string;
      customer: { first_name: string };
    };
    expect(payload).toEqual({ id: 1, name: "#1001", note: "bad \ufffd text", customer: { first_name: "A" } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it("answers 413 to a declared oversize body without reading it", async () => {
    const { request, pulled } = endlessBody({ "content-length": String(100 * 1024 * 1024) });
    const response = await receiver()(request, { topics: ["ORDERS_PAID"], job: "order-sync" });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(128 * 1024);
    expect(await db.webhookEvent.count()).toBe(0);
  });

  it("answers 413 to an oversize body without a length as soon as it crosses the limit", async () => {
    const { request, pulled } = endlessBody();
    const response = await receiver()(request, { topics: ["ORDERS_PAID"], job: "order-sync" });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses a body that names another shop than the delivery's header, without acting on it", async () => {
    const uninstall = vi.fn(() => Promise.resolve());
    const receive = receiver({ immediateHandlers: { APP_UNINSTALLED: uninstall } });
    const replayed = signed({ id: 9, myshopify_domain: "victim.myshopify.com" }, "app/uninstalled");
    expect(
      (await receive(replayed, { topics: ["APP_UNINSTALLED"], job: "inbox-process", immediately: "app-lifecycle" }))
        .status,
    ).toBe(200);
    expect(uninstall).not.toHaveBeenCalled();
    const [stored] = await db.webhookEvent.findMany();
    expect(stored).toMatchObject({ status: "INVALID", payload: "{}" });
    expect(stored?.note).toContain("victim.myshopify.com");
  });

  it("acts on a body that names the delivering shop", async () => {
    const uninstall = vi.fn(() => Promise.resolve());
    const receive = receiver({ immediateHandlers: { APP_UNINSTALLED: uninstall } });
    expect(
      (
        await receive(signed({ id: 9, myshopify_domain: SHOP }, "app/uninstalled"), {
          topics: ["APP_UNINSTALLED"],
          job: "inbox-process",
          immediately: "app-lifecycle",
        })
      ).status,
    ).toBe(200);
    expect(uninstall).toHaveBeenCalledTimes(1);
  });

  it("keeps only a receipt for a shop that never installed the app", async () => {
    const dispatch = vi.fn(() => Promise.resolve());
    const stranger = "never-installed.myshopify.com";
    const body = { id: 5, email: "guest@example.com", customer: { first_name: "Guest" } };
    const response = await receiver({ dispatch })(signed(body, "orders/paid", stranger), {
      topics: ["ORDERS_PAID"],
      job: "order-sync",
    });
    expect(response.status).toBe(200);
    const [stored] = await db.webhookEvent.findMany({ where: { shop: stranger } });
    expect(stored).toMatchObject({ status: "IGNORED", payload: "{}", note: "the shop has not installed the app" });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it("remembers an installed shop only for a while, and never remembers an unknown one", async () => {
    const shop = "briefly-installed.myshopify.com";
    let clock = 1_000_000;
    const receive = receiver({ knownShopTtlMs: 60_000, now: () => clock });
    // The status the receiver stored the delivery with (each delivery is a new event of its own).
    const counts = async () =>
      Object.fromEntries(
        (await db.webhookEvent.groupBy({ by: ["status"], where: { shop }, _count: true })).map((group) => [
          group.status,
          group._count,
        ]),
      );
    const statusOf = async (id: number) => {
      const before = await counts();
      await receive(signed({ id }, "orders/paid", shop), { topics: ["ORDERS_PAID"], job: "order-sync" });
      const after = await counts();
      return Object.keys(after).find((status) => after[status] !== before[status]);
    };
    // Not installed yet: a receipt only. Installed a moment later: seen at once (no negative caching).
    expect(await statusOf(1)).toBe("IGNORED");
    await db.shop.create({ data: { shop } });
    expect(await statusOf(2)).toBe("RECEIVED");
    // The shop's data is erased: within the TTL the receiver still trusts its earlier answer …
    await db.shop.delete({ where: { shop } });
    clock += 59_000;
    expect(await statusOf(3)).toBe("RECEIVED");
    // … and after it, asks the database again.
    clock += 2_000;
    expect(await statusOf(4)).toBe("IGNORED");
  });

  it("still acknowledges a stored delivery when its immediate handler fails", async () => {
    const receive = receiver({ immediateHandlers: { ORDERS_PAID: () => Promise.reject(new Error("boom")) } });
    expect((await receive(signed({ id: 1 }), { topics: ["ORDERS_PAID"], job: "order-sync" })).status).toBe(200);
    expect(await db.webhookEvent.count({ where: { shop: SHOP } })).toBe(1);
  });
});
