import { isDataError, type Database } from "~/db.server";
import { BodyTooLargeError, readBoundedBody } from "~/http/body-limit.server";
import type { Logger } from "~/logger.server";
import { parseShopifyJson } from "~/shopify/payloads/json";
import type { DispatchWebhook } from "~/sync/webhook-jobs";

import { cleanJsonText } from "./clean-text";
import { createInboxBatcher, type DeliveryOutcome, type RecordDelivery } from "./inbox-batch.server";
import { recordDelivery, type RecordedDelivery, type WebhookDelivery } from "./inbox.server";
import type { IncomingWebhook, WebhookAnswer } from "./incoming";
import { shopNamedInBody } from "./shop-check";
import { subjectOf } from "./subjects";
import type { VerifyWebhook, WebhookHeaders } from "./verify.server";
import type { WebhookRoute } from "./webhook-route";

/** A verified delivery with its parsed payload, as immediate handlers see it. */
export interface VerifiedWebhook extends WebhookHeaders {
  payload: unknown;
}

/** Work that must happen as soon as a delivery is stored (cheap, idempotent, local only). */
export type ImmediateWebhookHandler = (webhook: VerifiedWebhook) => Promise<void>;

export interface WebhookReceiverDeps {
  verifyWebhook: VerifyWebhook;
  /** Bodies above this many bytes are answered 413 without being read whole. */
  maxBodyBytes: number;
  db: Database;
  logger: Logger;
  immediateHandlers?: Partial<Record<string, ImmediateWebhookHandler>>;
  dispatch?: DispatchWebhook;
  /** Milliseconds a shop found installed is trusted without asking the database again (default 60 s). */
  knownShopTtlMs?: number;
  now?: () => number;
  /** How deliveries reach the inbox (default: group commit, see inbox-batch.server.ts). */
  record?: RecordDelivery;
}

const KNOWN_SHOP_TTL_MS = 60_000;

// One decoder for every delivery: decode() without `stream` keeps no state between calls.
const utf8 = new TextDecoder();

/**
 * Receives one webhook: reads the body up to the limit (413 beyond), verifies its HMAC (405/401/400),
 * stores it in the inbox and answers 200 within milliseconds. Odd deliveries are stored with the
 * reason and still answered 200, because a retry of the same bytes cannot fix them; only a storage
 * failure answers 503 with Retry-After, so Shopify retries and nothing is lost. Never a 500.
 */
export function createWebhookIntake({
  verifyWebhook,
  maxBodyBytes,
  db,
  logger,
  immediateHandlers = {},
  dispatch,
  knownShopTtlMs = KNOWN_SHOP_TTL_MS,
  now = Date.now,
  record = createInboxBatcher(db),
}: WebhookReceiverDeps) {
  // Every delivery asks whether its shop installed the app; under a burst that was two of the four
  // queries per delivery. Only "yes" is remembered, briefly: a new install is seen at once, and a
  // shop whose data is erased is treated as unknown again within the TTL.
  const knownShops = new Map<string, number>();
  return async function intakeWebhook(
    request: IncomingWebhook,
    expectedTopics: readonly string[],
  ): Promise<WebhookAnswer> {
    let body: Uint8Array;
    try {
      body = await request.readBody(maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return refused(logger, request, { status: 413, headers: { Connection: "close" } });
      return refused(logger, request, { status: 400 });
    }
    const verified = verifyWebhook(request, body);
    if ("status" in verified) return refused(logger, request, verified);

    // NUL and unpaired surrogates cannot be stored; they are cleaned here, once, for good.
    const cleaned = cleanJsonText(utf8.decode(body));
    const cleanNote = cleaned.removed.length > 0 ? `removed ${cleaned.removed.join(" and ")}` : undefined;
    const delivery: WebhookDelivery = {
      shop: verified.shop,
      topic: verified.topic,
      eventId: verified.eventId,
      webhookId: verified.webhookId,
      apiVersion: verified.apiVersion,
      triggeredAt: parseDate(verified.triggeredAt),
      rawBody: cleaned.text,
    };

    let known: boolean;
    try {
      known = await isKnownShop(delivery.shop);
    } catch (error) {
      logger.error("webhook could not be checked against the installed shops", { error, shop: delivery.shop });
      return retryLater();
    }
    if (!known) {
      // Data minimisation: nothing of a shop that never installed the app is kept beyond the receipt.
      return store({ ...delivery, rawBody: "{}" }, { status: "IGNORED", note: "the shop has not installed the app" });
    }

    let payload: unknown;
    try {
      // Not JSON.parse: ids at or above 2^53 must keep every digit (they arrive as strings).
      payload = parseShopifyJson(cleaned.text);
    } catch {
      return store(delivery, { status: "INVALID", note: "body is not valid JSON" });
    }
    if (!expectedTopics.includes(delivery.topic)) {
      return store(delivery, { status: "IGNORED", note: `topic not handled by ${request.pathname()}` });
    }
    // A plain check, not z.record: that one walks and copies every top-level field of the order.
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
      return store(delivery, { status: "INVALID", note: "payload is not a JSON object" });
    }
    // Only the body is signed: a body captured from one shop must not act on another.
    const named = shopNamedInBody(payload);
    if (named && named !== delivery.shop) {
      return store(
        { ...delivery, rawBody: "{}" },
        { status: "INVALID", note: `the body names ${named}, the delivery came for ${delivery.shop}` },
      );
    }
    const subject = subjectOf(delivery.topic, payload);
    if (!subject.ok) return store(delivery, { status: "INVALID", note: subject.reason });
    if (subject.subject.kind === "order") delivery.orderId = subject.subject.orderId;
    if (subject.subject.kind === "customer") delivery.customerId = subject.subject.customerId;

    const webhook: VerifiedWebhook = { ...verified, payload };
    return store(delivery, { status: "RECEIVED", note: cleanNote }, async (recorded) => {
      const immediate = immediateHandlers[delivery.topic];
      if (immediate && !recorded.duplicate) await immediate(webhook);
      // A duplicate of an event that is still waiting is dispatched again: its first job may be lost.
      if (dispatch && recorded.status === "RECEIVED") {
        await dispatch({
          id: recorded.id,
          shop: delivery.shop,
          topic: delivery.topic,
          orderId: delivery.orderId,
          customerId: delivery.customerId,
        });
      }
    });
  };

  /** A shop that installed the app at some point: it has a shop record or a session. */
  async function isKnownShop(shop: string): Promise<boolean> {
    const knownUntil = knownShops.get(shop);
    if (knownUntil !== undefined && knownUntil > now()) return true;
    const [shopRow, sessions] = await Promise.all([
      db.shop.findUnique({ where: { shop }, select: { shop: true } }),
      db.session.count({ where: { shop } }),
    ]);
    const known = shopRow !== null || sessions > 0;
    if (known) {
      if (knownShops.size >= 10_000) knownShops.clear();
      knownShops.set(shop, now() + knownShopTtlMs);
    } else {
      knownShops.delete(shop);
    }
    return known;
  }

  async function store(
    delivery: WebhookDelivery,
    outcome: DeliveryOutcome,
    afterStore?: (recorded: RecordedDelivery) => Promise<void>,
  ) {
    const log = logger.child({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId });
    let recorded: RecordedDelivery;
    try {
      recorded = await record(delivery, outcome);
    } catch (error) {
      if (!isDataError(error)) {
        log.error("webhook could not be stored", { error });
        return retryLater();
      }
      // The same bytes would fail again on every retry: keep the receipt, answer 200, never retry.
      log.warn("webhook payload could not be stored; kept as INVALID without it", { error });
      try {
        recorded = await recordDelivery(
          db,
          { ...delivery, rawBody: "{}", orderId: undefined, customerId: undefined },
          { status: "INVALID", note: "the payload could not be stored (invalid characters or sizes)" },
        );
        afterStore = undefined;
      } catch (fallbackError) {
        log.error("webhook could not be stored", { error: fallbackError });
        return retryLater();
      }
    }
    log.info(recorded.duplicate ? "webhook duplicate" : "webhook received", {
      status: outcome.status,
      note: outcome.note,
      eventId: delivery.eventId,
    });
    try {
      await afterStore?.(recorded);
    } catch (error) {
      // Stored already, so it is acknowledged: the inbox sweeper dispatches it again.
      log.error("webhook stored but its follow-up failed", { error });
    }
    return { status: 200 };
  }
}

/** An intake answering WHATWG Requests (the Remix routes, tests) with Responses. */
export function requestReceiver(intake: ReturnType<typeof createWebhookIntake>) {
  return async function receiveWebhook(request: Request, route: WebhookRoute): Promise<Response> {
    return new Response(null, await intake(incomingFromRequest(request), route.topics));
  };
}

/** The receiver for a WHATWG Request, built from its dependencies. */
export function createWebhookReceiver(deps: WebhookReceiverDeps) {
  return requestReceiver(createWebhookIntake(deps));
}

export function incomingFromRequest(request: Request): IncomingWebhook {
  return {
    method: request.method,
    header: (name) => request.headers.get(name) ?? undefined,
    pathname: () => new URL(request.url).pathname,
    readBody: (limitBytes) => readBoundedBody(request, limitBytes),
  };
}

function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Refusals get a log line of their own: the production server's access log skips webhook URLs. */
function refused(logger: Logger, request: IncomingWebhook, answer: WebhookAnswer): WebhookAnswer {
  logger.warn("webhook refused", { status: answer.status, path: request.pathname() });
  return answer;
}

function retryLater(): WebhookAnswer {
  return { status: 503, headers: { "Retry-After": "60" } };
}
