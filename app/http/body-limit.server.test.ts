import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { limitRequestBody } from "./body-limit.server";
import { documentHeaders } from "./document-headers.server";

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A server whose route reads the whole body, behind the limit; reports how many bytes it read. */
async function start(limit: number) {
  const limited = limitRequestBody(limit);
  server = createServer((request, response) =>
    limited(request, response, () => {
      let bytes = 0;
      request.on("data", (chunk: Buffer) => (bytes += chunk.length));
      request.on("end", () => response.end(`read ${bytes}`));
    }),
  );
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function send(url: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const outgoing = httpRequest(url, { method: "POST", headers }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    outgoing.on("error", reject);
    // Only part of a declared body: a server waiting for all of it would never answer.
    outgoing.write(body);
  });
}

describe("limitRequestBody", () => {
  it("answers 413 from the declared length without waiting for the body", async () => {
    const url = await start(1024);
    const result = await send(url, { "content-length": String(100 * 1024 * 1024) }, Buffer.alloc(10));
    expect(result.status).toBe(413);
  });

  it("answers 411 to a body without a length", async () => {
    const url = await start(1024);
    const result = await send(url, { "transfer-encoding": "chunked" }, Buffer.from("5\r\nhello\r\n"));
    expect(result.status).toBe(411);
  });

  it("passes a body within the limit to the route", async () => {
    const url = await start(1024);
    const body = Buffer.alloc(1000, 0x61);
    const result = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const outgoing = httpRequest(url, { method: "POST", headers: { "content-length": "1000" } }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });
    expect(result).toEqual({ status: 200, text: "read 1000" });
  });
});

describe("documentHeaders", () => {
  const shopifyHeaders = (request: Request, headers: Headers) => {
    const shop = new URL(request.url).searchParams.get("shop");
    if (shop) headers.set("Content-Security-Policy", `frame-ancestors https://${shop} https://admin.shopify.com;`);
  };
  const add = documentHeaders(shopifyHeaders);

  it("makes a document without a shop (the login page) unframable", () => {
    const headers = new Headers();
    add(new Request("https://app.example.com/auth/login"), headers);
    expect(headers.get("Content-Security-Policy")).toBe("frame-ancestors 'none';");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  });

  it("keeps Shopify's frame-ancestors for the embedded admin", () => {
    const headers = new Headers();
    add(new Request("https://app.example.com/app?shop=a.myshopify.com"), headers);
    expect(headers.get("Content-Security-Policy")).toContain("https://admin.shopify.com");
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("is what the app applies to every document, /auth/login included", async () => {
    const { addDocumentResponseHeaders } = await import("~/shopify.server");
    const headers = new Headers();
    addDocumentResponseHeaders(new Request("https://app.example.com/auth/login"), headers);
    expect(headers.get("Content-Security-Policy")).toBe("frame-ancestors 'none';");
  });
});
