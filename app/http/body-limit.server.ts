import type { IncomingMessage, ServerResponse } from "node:http";

/** The body is larger than the server accepts; nothing beyond the limit was read. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body exceeds ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Reads a request body up to `limitBytes`. A declared Content-Length above the limit is refused
 * before a byte is read; a body that turns out larger (chunked or lying) is cancelled as soon as it
 * crosses the limit, so memory never holds more than the limit.
 */
export async function readBoundedBody(request: Request, limitBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const METHODS_WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Express/Connect middleware for the production server: refuses a body above `limitBytes` with
 * 413 from its Content-Length alone, and a body without a length (chunked) with 411, before any
 * route reads or parses it. The connection is closed so the client cannot keep streaming into it.
 */
export function limitRequestBody(limitBytes: number) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (METHODS_WITHOUT_BODY.has(request.method ?? "GET")) return next();
    const length = request.headers["content-length"];
    if (length === undefined) {
      if (request.headers["transfer-encoding"] === undefined) return next();
      return refuse(response, 411, "Length Required: send a Content-Length");
    }
    const declared = Number(length);
    if (!Number.isSafeInteger(declared) || declared < 0) return refuse(response, 400, "Bad Request");
    if (declared > limitBytes) return refuse(response, 413, `Payload Too Large (limit ${limitBytes} bytes)`);
    return next();
  };
}

function refuse(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  response.end(message);
}
