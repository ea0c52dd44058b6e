/**
 * A lean load generator for webhook bursts: every request is serialised (and signed) before the
 * clock starts, and sent over one of `inFlight` keep-alive sockets. With `fetch`, building, signing
 * and sending a 16 KB delivery cost the generator about 1.1 ms of CPU, more than the server spends
 * acknowledging it, so on a 2-core machine the generator, not the server, set the rate.
 */
import { connect, type Socket } from "node:net";

import { signedHeaders, type Delivery, type Timed } from "./http";

/** The bytes of one signed POST, ready to write. */
export function prepareDelivery(baseUrl: string, delivery: Delivery, secret: string): Buffer {
  const url = new URL(delivery.path, baseUrl);
  const body = Buffer.from(delivery.body);
  const headers = {
    ...signedHeaders(delivery, secret),
    Host: url.host,
    "Content-Length": String(body.byteLength),
    Connection: "keep-alive",
  };
  const head = [`POST ${url.pathname} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), "", ""];
  return Buffer.concat([Buffer.from(head.join("\r\n")), body]);
}

export interface LoadClient {
  /** Sends the prepared requests with at most `inFlight` outstanding; status 0 means no answer. */
  send(
    requests: readonly Buffer[],
    inFlight: number,
    timeoutMs?: number,
  ): Promise<{ results: Timed[]; seconds: number }>;
  close(): void;
}

/**
 * Connections stay open between sends, as a sender's pool does: a warm-up opens them, the measured
 * burst reuses them. (200 connections opened in the same millisecond left some of them unserved for
 * up to 3 s while the server answered the others: a measure of the connection storm, not of the
 * acknowledgement.)
 */
export function createLoadClient(baseUrl: string): LoadClient {
  const { hostname, port } = new URL(baseUrl);
  const idle: Socket[] = [];
  return {
    async send(requests, inFlight, timeoutMs = 30_000) {
      const results: Timed[] = new Array(requests.length);
      let next = 0;
      const started = performance.now();
      async function lane() {
        let socket = idle.pop();
        for (;;) {
          const index = next++;
          const request = requests[index];
          if (!request) break;
          const begin = performance.now();
          socket ??= await open(hostname, Number(port));
          const answer = await exchange(socket, request, timeoutMs).catch(() => ({ status: 0, close: true }));
          results[index] = { status: answer.status, ms: performance.now() - begin };
          if (answer.close) {
            socket.destroy();
            socket = undefined;
          }
        }
        if (socket) idle.push(socket);
      }
      await Promise.all(Array.from({ length: Math.min(inFlight, requests.length) }, lane));
      return { results, seconds: (performance.now() - started) / 1000 };
    },
    close() {
      for (const socket of idle.splice(0)) socket.destroy();
    },
  };
}

/** One burst on fresh connections. */
export async function sendPrepared(baseUrl: string, requests: readonly Buffer[], inFlight: number) {
  const client = createLoadClient(baseUrl);
  try {
    return await client.send(requests, inFlight);
  } finally {
    client.close();
  }
}

function open(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay: true }, () => {
      socket.off("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

/** Writes one request and reads one response (Content-Length or chunked body). */
function exchange(socket: Socket, request: Buffer, timeoutMs: number): Promise<{ status: number; close: boolean }> {
  return new Promise((resolve, reject) => {
    let received: Buffer = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error("timeout")), timeoutMs);
    const onData = (chunk: Buffer) => {
      received = received.byteLength === 0 ? chunk : Buffer.concat([received, chunk]);
      const parsed = parseResponse(received);
      if (parsed) finish(undefined, parsed);
    };
    const onEnd = () => finish(new Error("the server closed the connection"));
    function finish(error?: Error, answer?: { status: number; close: boolean }) {
      clearTimeout(timer);
      socket.off("data", onData);
      socket.off("error", onEnd);
      socket.off("close", onEnd);
      if (answer) resolve(answer);
      else reject(error ?? new Error("no answer"));
    }
    socket.on("data", onData);
    socket.once("error", onEnd);
    socket.once("close", onEnd);
    socket.write(request);
  });
}

function parseResponse(bytes: Buffer): { status: number; close: boolean } | undefined {
  const headEnd = bytes.indexOf("\r\n\r\n");
  if (headEnd < 0) return undefined;
  const head = bytes.subarray(0, headEnd).toString("latin1").toLowerCase();
  const status = Number(head.slice(9, 12));
  const close = /\r\nconnection: close/.test(head);
  const length = /\r\ncontent-length: (\d+)/.exec(head);
  const bodyBytes = bytes.byteLength - headEnd - 4;
  if (length) return bodyBytes >= Number(length[1]) ? { status, close } : undefined;
  if (/\r\ntransfer-encoding: chunked/.test(head))
    return bytes.includes("\r\n0\r\n\r\n") ? { status, close } : undefined;
  return { status, close };
}
