import type { StorefrontErrorBody } from "@diller/storefront-contract";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";

import type { Logger } from "~/logger.server";

import { withStorefrontCors } from "./cors";
import { StorefrontHttpError } from "./errors.server";
import { identityOf, type StorefrontIdentity } from "./identity";
import { fieldErrorsOf, readJsonBody } from "./request-body.server";

/** `authenticate.public.checkout` / `authenticate.public.customerAccount` of shopify-app-remix. */
export type AuthenticateExtension = (request: Request) => Promise<{ sessionToken: { dest?: unknown; sub?: unknown } }>;

export interface StorefrontContext extends StorefrontIdentity {
  request: Request;
  /** The logged-in customer's numeric id (as `CustomerLink.customerId`); a guest gets 403 `login_required`. */
  requireCustomer(): string;
  /** The JSON body parsed with `schema`; malformed → 422 `invalid_input` naming each field. */
  body<Schema extends z.ZodType>(schema: Schema): Promise<z.infer<Schema>>;
}

export type StorefrontHandler = (context: StorefrontContext) => Promise<unknown>;

export interface StorefrontRouteOptions {
  authenticate: AuthenticateExtension;
  logger: Logger;
  /** Largest JSON body a route reads. */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 32 * 1024;

/**
 * Wraps an extension route handler: verifies the session token (loader and action alike, so the
 * OPTIONS preflight that Remix sends to the loader is answered too), takes the shop only from `dest`
 * and the customer only from `sub`, answers JSON, and turns every refusal into `{ error }` with the
 * right status, always with CORS headers. Unexpected failures are logged and answered 503
 * `unavailable`: checkout must go on without the app.
 */
export function createStorefrontRoute({
  authenticate,
  logger,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
}: StorefrontRouteOptions) {
  async function handle(request: Request, handler: StorefrontHandler): Promise<Response> {
    try {
      const { sessionToken } = await authenticate(request);
      const identity = identityOf(sessionToken);
      if (!identity) throw new StorefrontHttpError("unauthenticated");
      const context: StorefrontContext = {
        ...identity,
        request,
        requireCustomer() {
          if (!identity.customerId) throw new StorefrontHttpError("login_required");
          return identity.customerId;
        },
        async body(schema) {
          const parsed = schema.safeParse(await readJsonBody(request, maxBodyBytes));
          if (!parsed.success) throw StorefrontHttpError.invalidInput(fieldErrorsOf(parsed.error));
          return parsed.data;
        },
      };
      return withStorefrontCors(jsonResponse(await handler(context)));
    } catch (error) {
      return withStorefrontCors(responseFor(error, logger));
    }
  }

  return {
    loader:
      (handler: StorefrontHandler) =>
      ({ request }: LoaderFunctionArgs) =>
        handle(request, handler),
    action:
      (handler: StorefrontHandler) =>
      ({ request }: ActionFunctionArgs) =>
        handle(request, handler),
  };
}

function responseFor(error: unknown, logger: Logger): Response {
  if (error instanceof StorefrontHttpError) {
    const body: StorefrontErrorBody = { error: error.body };
    const headers: HeadersInit =
      error.body.retryAfterSeconds !== undefined ? { "Retry-After": String(error.body.retryAfterSeconds) } : {};
    return jsonResponse(body, { status: error.status, headers });
  }
  // shopify-app-remix throws Responses: 204 for the preflight, 401 for a missing or invalid token, 410 for bots.
  if (error instanceof Response) {
    if (error.status === 401) return jsonResponse({ error: { code: "unauthenticated" } }, { status: 401 });
    return error;
  }
  logger.error("storefront request failed", { error });
  return jsonResponse({ error: { code: "unavailable" } }, { status: 503 });
}

/**
 * A JSON response. Not `Response.json`: the production server runs on Remix's Node globals, whose
 * `Response` has no static `json` (it worked in tests and failed every answer in `npm run demo`).
 */
function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}
