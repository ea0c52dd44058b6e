/** Small node:http helpers: bounded body reading, JSON/problem responses, the client-visible base URL. */
import { type IncomingMessage, type ServerResponse } from "node:http";

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; reason: "too-large" | "aborted" };

export function readBody(request: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        finish({ ok: false, reason: "too-large" });
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => finish({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
    request.on("error", () => finish({ ok: false, reason: "aborted" }));
    request.on("close", () => finish({ ok: false, reason: "aborted" }));
  });
}

export interface Outgoing {
  status: number;
  headers?: Record<string, string>;
  contentType?: string;
  /** Serialized with JSON.stringify unless `raw` is given; undefined sends no body. */
  body?: unknown;
  raw?: string;
}

export function send(response: ServerResponse, outgoing: Outgoing): void {
  if (response.headersSent || response.destroyed) return;
  const payload = outgoing.raw ?? (outgoing.body === undefined ? undefined : JSON.stringify(outgoing.body));
  const headers: Record<string, string> = { ...outgoing.headers };
  if (payload !== undefined) headers["Content-Type"] = outgoing.contentType ?? "application/json; charset=utf-8";
  response.writeHead(outgoing.status, headers);
  response.end(payload);
}

/** The base URL as the client addressed us (so discovery's issuer matches what it requested). */
export function publicBaseUrl(request: IncomingMessage, fallback: string): string {
  const host = request.headers.host;
  return host && /^[A-Za-z0-9.\-_:[\]]+$/.test(host) ? `http://${host}` : fallback;
}
