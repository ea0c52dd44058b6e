/**
 * The production server (`npm run start`): what `remix-serve` does, with two differences. Its access
 * log prints whole URLs, and Shopify puts session tokens (`id_token`), HMACs and shop data in the
 * query string of embedded-admin requests; this log writes the path only. And request bodies are
 * bounded before anything reads them (MAX_REQUEST_BODY_BYTES, app/http/body-limit.server.ts): a
 * larger Content-Length is answered 413 at once, a body without a length 411. Webhook deliveries
 * (POST to a URL of app/webhooks/endpoints.ts) are answered by the routes' own receiver before Remix
 * (docs/decisions/041-webhook-fast-path.md); every other request, and any other webhook URL, goes to Remix.
 */
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

const build = await import("./build/server/index.js");
// Node's own fetch (undici, pooled keep-alive connections), as the worker process and the tests use:
// Remix's polyfill cost the Diller client about a millisecond more per call (docs/decisions/049).
installGlobals({ nativeFetch: true });

const app = express();
app.disable("x-powered-by");
app.use(build.entry.module.limitBody);
// Before compression and the access log: an acknowledgement has no body to compress, and the intake
// writes its own log line per delivery (with the outcome), so a second line would only cost CPU.
app.post("/webhooks/*", build.entry.module.handleWebhook);
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
morgan.token("path", (request) => request.originalUrl.split("?")[0]);
app.use(morgan(":method :path :status :res[content-length] - :response-time ms"));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT || 3000);
const server = app.listen(port, process.env.HOST, () => console.log(`[server] http://localhost:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => server.close((error) => process.exit(error ? 1 : 0)));
}
