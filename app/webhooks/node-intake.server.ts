import type { IncomingMessage, ServerResponse } from "node:http";

import { BodyTooLargeError } from "~/http/body-limit.server";

import { webhookTopicsFor } from "./endpoints";
import type { IncomingWebhook, WebhookAnswer } from "./incoming";

export type WebhookIntake = (request: IncomingWebhook, expectedTopics: readonly string[]) => Promise<WebhookAnswer>;

/** Express's request adds the parsed path; plain Node requests are matched on their URL. */
type NodeRequest = IncomingMessage & { path?: string };

/**
 * Express middleware for the production server: a POST to a webhook endpoint is answered by the
 * same intake as the Remix routes, straight from the Node request, without route matching or a
 * WHATWG Request (most of an acknowledgement's remaining CPU). Anything else goes on to Remix.
 */
export function createWebhookFastPath(intake: WebhookIntake) {
  return (request: NodeRequest, response: ServerResponse, next: (error?: unknown) => void) => {
    const pathname = request.path ?? new URL(request.url ?? "/", "http://localhost").pathname;
    const topics = request.method === "POST" ? webhookTopicsFor(pathname) : undefined;
    if (!topics) return next();
    intake(incomingFromNode(request, pathname), topics).then((answer) => {
      response.writeHead(answer.status, answer.headers);
      response.end();
    }, next);
  };
}

export function incomingFromNode(request: IncomingMessage, pathname: string): IncomingWebhook {
  return {
    method: request.method ?? "GET",
    header: (name) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    pathname: () => pathname,
    readBody: (limitBytes) => readNodeBody(request, limitBytes),
  };
}

/**
 * The body as one Buffer, without copying when it came in one chunk (as a webhook usually does). A
 * declared length above the limit is refused before a byte is read; a longer stream as soon as it
 * crosses the limit (the answer then closes the connection).
 */
export function readNodeBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) return Promise.reject(new BodyTooLargeError(limitBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limitBytes) {
        request.off("data", onData);
        request.pause();
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.once("end", () => resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total)));
    request.once("error", reject);
    request.once("close", () => {
      if (!request.complete) reject(new Error("the request was aborted before its body ended"));
    });
  });
}
