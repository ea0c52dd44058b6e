/**
 * The chaos run's bad-input pass over every public route of the production server: webhooks, the
 * embedded admin and the storefront extension routes (reported "n/a (not present)" until they exist).
 * Each request must get the documented answer; afterwards nothing in the database or in Diller changed.
 */
import { createHmac } from "node:crypto";
import { connect } from "node:net";

import { signedHeaders } from "../support/http";
import { BENCH_SECRET } from "../support/processes";

import { HOSTILE_STRINGS } from "./orders";

export interface Probe {
  route: string;
  case: string;
  expected: number[];
  status: number | "n/a (not present)";
  ok: boolean;
  note?: string;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/** A Shopify session token (HS256 over the app secret), as App Bridge and UI extensions send. */
export function sessionToken(claims: Record<string, unknown>, secret = BENCH_SECRET): string {
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signature = base64url(createHmac("sha256", secret).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}

function claimsFor(shop: string, apiKey: string, offsetSeconds = 0, customer?: string) {
  const now = Math.floor(Date.now() / 1000) + offsetSeconds;
  return {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: apiKey,
    sub: customer ?? "1",
    exp: now + 60,
    nbf: now - 5,
    iat: now - 5,
    jti: `${now}-${Math.random()}`,
    sid: "chaos",
  };
}

const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

export async function badInputPass(baseUrl: string, shop: string, apiKey: string): Promise<Probe[]> {
  const probes: Probe[] = [];
  async function probe(route: string, name: string, expected: number[], init: RequestInit, optional = false) {
    // A browser's User-Agent: shopify-app-remix answers self-identified bots (Node's fetch is one) 410
    // before any check, which would hide what the routes themselves answer.
    const headers = new Headers(init.headers);
    if (!headers.has("User-Agent")) headers.set("User-Agent", BROWSER_USER_AGENT);
    const response = await fetch(`${baseUrl}${route}`, { redirect: "manual", ...init, headers }).catch(
      () => new Response(null, { status: 599, statusText: "no answer (connection closed)" }),
    );
    await response.arrayBuffer().catch(() => undefined);
    if (optional && response.status === 404) {
      probes.push({ route, case: name, expected, status: "n/a (not present)", ok: true });
      return response;
    }
    const cors = response.headers.get("access-control-allow-origin");
    const needsCors = route.startsWith("/api/");
    const ok = expected.includes(response.status) && (!needsCors || cors !== null);
    probes.push({
      route,
      case: name,
      expected,
      status: response.status,
      ok,
      note: needsCors && !cors ? "no CORS header" : undefined,
    });
    return response;
  }

  const webhook = "/webhooks/orders/paid";
  const order = JSON.stringify({ id: 77_000_001, name: "#X1", email: "x@example.com" });
  const delivery = (body: string, deliveryShop = shop) =>
    signedHeaders({ path: webhook, topic: "orders/paid", shop: deliveryShop, body }, BENCH_SECRET);
  await probe(webhook, "forged HMAC", [401], {
    method: "POST",
    body: order,
    headers: {
      ...delivery(order),
      "X-Shopify-Hmac-Sha256": createHmac("sha256", "forged").update(order).digest("base64"),
    },
  });
  await probe(webhook, "no HMAC header", [400, 401], {
    method: "POST",
    body: order,
    headers: Object.fromEntries(Object.entries(delivery(order)).filter(([name]) => name !== "X-Shopify-Hmac-Sha256")),
  });
  // Remix answers a GET to an action-only route 400 ("no loader"); either refuses it without side effects.
  await probe(webhook, "GET instead of POST", [400, 405], { method: "GET" });
  const huge = JSON.stringify({ id: 1, padding: "x".repeat(6 * 1024 * 1024) });
  // A raw socket, not fetch: the server answers 413 and closes while the body is still being sent.
  const tooLarge = await oversized(`${baseUrl}${webhook}`, huge, delivery(huge));
  probes.push({
    route: webhook,
    case: "oversized body (6 MiB, signed)",
    expected: [413],
    status: tooLarge,
    ok: tooLarge === 413,
  });
  await probe(webhook, "invalid shop domain header", [400], {
    method: "POST",
    body: order,
    headers: { ...delivery(order), "X-Shopify-Shop-Domain": "evil.example.com" },
  });
  // Signed but odd: stored with the reason and answered 200, because Shopify's retries of the same bytes cannot fix it.
  await probe(webhook, "malformed JSON (signed): stored as INVALID", [200], {
    method: "POST",
    body: "{not json",
    headers: delivery("{not json"),
  });
  const crossShop = JSON.stringify({ id: 77_000_002, shop_domain: "other-shop.myshopify.com" });
  await probe(webhook, "another shop's delivery (not installed): stored as IGNORED", [200], {
    method: "POST",
    body: crossShop,
    headers: delivery(crossShop, "other-shop.myshopify.com"),
  });

  await probe("/app", "admin without a session", [302, 401, 410], { method: "GET" });
  await probe("/app", "admin, forged session token", [302, 401, 410], {
    headers: { Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey), "forged-secret")}` },
  });
  await probe("/app", "admin, expired session token", [302, 401, 410], {
    headers: { Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey, -3600))}` },
  });
  await probe("/app/settings", "admin settings POST, forged session token", [302, 401, 410], {
    method: "POST",
    body: new URLSearchParams({ dillerApiKey: HOSTILE_STRINGS[0] ?? "" }),
    headers: { Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey), "forged-secret")}` },
  });

  for (const route of ["/api/checkout/config", "/api/account/loyalty"]) {
    await probe(route, "no session token", [401], { method: "GET" }, true);
    await probe(
      route,
      "forged session token",
      [401],
      { headers: { Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey), "forged")}` } },
      true,
    );
    await probe(
      route,
      "expired session token",
      [401],
      { headers: { Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey, -3600))}` } },
      true,
    );
    await probe(
      route,
      "token for a shop that has not installed the app",
      [401, 403, 404],
      {
        headers: { Authorization: `Bearer ${sessionToken(claimsFor("other-shop.myshopify.com", apiKey))}` },
      },
      true,
    );
  }
  const customerA = `gid://shopify/Customer/101`;
  await probe(
    "/api/account/order-points?orderId=gid://shopify/Order/3000000",
    "another customer's order",
    [403, 404, 401],
    {
      headers: { Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey, 0, customerA))}` },
    },
    true,
  );
  await probe(
    "/api/account/join",
    "hostile strings in member fields",
    [400, 401, 403, 409, 422],
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey, 0, customerA))}`,
      },
      body: JSON.stringify({
        firstName: HOSTILE_STRINGS[0],
        lastName: HOSTILE_STRINGS[5],
        email: HOSTILE_STRINGS[1],
        phone: HOSTILE_STRINGS[2],
      }),
    },
    true,
  );
  await probe(
    "/api/account/join",
    "malformed JSON body",
    [400, 401, 415, 422],
    {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${sessionToken(claimsFor(shop, apiKey, 0, customerA))}`,
      },
      body: "{oops",
    },
    true,
  );
  return probes;
}

/**
 * Raw socket: announces the whole body but sends only its first 64 KiB, then waits for the answer. The
 * server must refuse by the declared length before reading the body; sending all of it would race the
 * server's close (a reset can discard the 413 before the client reads it).
 */
function oversized(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const target = new URL(url);
  return new Promise((resolve) => {
    let received = "";
    const done = () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0));
    const socket = connect(Number(target.port), target.hostname, () => {
      const head = Object.entries({ ...headers, Host: target.host, "Content-Length": String(Buffer.byteLength(body)) })
        .map(([name, value]) => `${name}: ${value}`)
        .join("\r\n");
      socket.write(`POST ${target.pathname} HTTP/1.1\r\n${head}\r\n\r\n`);
      socket.write(body.slice(0, 64 * 1024));
    });
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
      if (/^HTTP\/1\.1 \d{3}/.test(received)) socket.destroy();
    });
    socket.on("error", () => undefined);
    socket.on("close", done);
  });
}
