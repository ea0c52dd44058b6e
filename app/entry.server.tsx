import { PassThrough } from "node:stream";

import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { getEnv } from "./env.server";
import { limitRequestBody } from "./http/body-limit.server";
import { addDocumentResponseHeaders, logger, startWorker, webhookFastPath } from "./shopify.server";

export const streamTimeout = 5000;

/** server.mjs mounts this before any route can read or parse a body (MAX_REQUEST_BODY_BYTES). */
export const limitBody = limitRequestBody(getEnv().MAX_REQUEST_BODY_BYTES);

// The web server runs the background jobs itself unless JOB_WORKER=off (then `npm run worker` does).
// This is the only place besides scripts/worker.ts that starts them: importing the app starts nothing.
const { JOB_WORKER, NODE_ENV } = getEnv();
if (JOB_WORKER === "inline" && NODE_ENV !== "test") {
  startWorker().catch((error: unknown) => logger.error("background jobs did not start", { error }));
}

/** server.mjs answers POST /webhooks/* with this before Remix: the routes' receiver, from the Node request. */
export const handleWebhook = webhookFastPath;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  // Bots get the fully rendered page; browsers get the shell as soon as it is ready.
  const callbackName = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} />, {
      [callbackName]: () => {
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error) {
        reject(error);
      },
      onError(error) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    // Abort a little after the stream timeout so rejected boundaries can flush.
    setTimeout(abort, streamTimeout + 1000);
  });
}
