import { z } from "zod";

import type { Database } from "~/db.server";
import type { Logger } from "~/logger.server";
import { parseShopifyJson } from "~/shopify/payloads/json";

import { subjectOf } from "~/sync/subjects";

import { recordDelivery, topicForStorage, type RecordedDelivery, type WebhookDelivery } from "./inbox.server";

/** What `authenticate.webhook` resolves to, reduced to the fields the receiver uses. */
export interface VerifiedWebhook {
  shop: string;
  topic: string | number | symbol;
  webhookId: string;
  apiVersion: string;
  eventId?: string;
  triggeredAt?: string;
  payload: unknown;
}

export type AuthenticateWebhook = (request: Request) => Promise<VerifiedWebhook>;

/** Work that must happen as soon as a delivery is stored (cheap, idempotent, local only). */
export type ImmediateWebhookHandler = (webhook: VerifiedWebhook) => Promise<void>;

/** Hands a stored delivery to the job that will process it (best effort: a sweeper retries). */
export type DispatchWebhook = (event: {
  id: string;
  shop: string;
  topic: string;
  orderId?: string;
  customerId?: string;
}) => Promise<void>;

export interface WebhookReceiverDeps {
  authenticateWebhook: AuthenticateWebhook;
  db: Database;
  logger: Logger;
  immediateHandlers?: Partial<Record<string, ImmediateWebhookHandler>>;
  dispatch?: DispatchWebhook;
}

const PayloadSchema = z.record(z.string(), z.unknown());

/**
 * Receives one webhook: verifies it with `authenticate.webhook` (405/401/400 come from there),
 * stores it in the inbox, and answers 200 within milliseconds. Odd deliveries are stored with the
 * reason and still answered 200, because a retry of the same bytes cannot fix them; only a storage
 * failure answers 503, so Shopify retries and nothing is lost. Never a 500.
 */
export function createWebhookReceiver({
  authenticateWebhook,
  db,
  logger,
  immediateHandlers = {},
  dispatch,
}: WebhookReceiverDeps) {
  return async function receiveWebhook(request: Request, expectedTopics: readonly string[]): Promise<Response> {
    const rawBody = await request.clone().text();
    let webhook: VerifiedWebhook;
    try {
      webhook = await authenticateWebhook(request);
    } catch (error) {
      if (error instanceof Response) return error;
      if (error instanceof SyntaxError) {
        // The library parses the body only after the HMAC and headers checked out.
        return store(deliveryFromHeaders(request, rawBody), { status: "INVALID", note: "body is not valid JSON" });
      }
      logger.error("webhook verification failed unexpectedly", { error });
      return retryLater();
    }

    const delivery: WebhookDelivery = {
      shop: webhook.shop,
      topic: String(webhook.topic),
      eventId: webhook.eventId,
      webhookId: webhook.webhookId,
      apiVersion: webhook.apiVersion,
      triggeredAt: parseDate(webhook.triggeredAt),
      rawBody,
    };
    if (!expectedTopics.includes(delivery.topic)) {
      return store(delivery, { status: "IGNORED", note: `topic not handled by ${new URL(request.url).pathname}` });
    }
    if (!PayloadSchema.safeParse(webhook.payload).success) {
      return store(delivery, { status: "INVALID", note: "payload is not a JSON object" });
    }
    // From the raw text, not the library's JSON.parse: ids at or above 2^53 keep every digit.
    const subject = subjectOf(delivery.topic, losslessPayload(rawBody, webhook.payload));
    if (!subject.ok) return store(delivery, { status: "INVALID", note: subject.reason });
    if (subject.subject.kind === "order") delivery.orderId = subject.subject.orderId;
    if (subject.subject.kind === "customer") delivery.customerId = subject.subject.customerId;

    const response = await store(delivery, { status: "RECEIVED" }, async (recorded) => {
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
    return response;
  };

  async function store(
    delivery: WebhookDelivery,
    outcome: Parameters<typeof recordDelivery>[2],
    afterStore?: (recorded: RecordedDelivery) => Promise<void>,
  ) {
    const log = logger.child({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId });
    let recorded: RecordedDelivery;
    try {
      recorded = await recordDelivery(db, delivery, outcome);
    } catch (error) {
      log.error("webhook could not be stored", { error });
      return retryLater();
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
    return new Response(null, { status: 200 });
  }
}

function deliveryFromHeaders(request: Request, rawBody: string): WebhookDelivery {
  const header = (name: string) => request.headers.get(name) ?? "";
  return {
    shop: header("x-shopify-shop-domain"),
    topic: topicForStorage(header("x-shopify-topic")),
    eventId: request.headers.get("x-shopify-event-id") ?? undefined,
    webhookId: header("x-shopify-webhook-id"),
    apiVersion: header("x-shopify-api-version"),
    triggeredAt: parseDate(request.headers.get("x-shopify-triggered-at") ?? undefined),
    rawBody,
  };
}

function parseDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The body parsed so that integers beyond 2^53 stay exact (as strings); the verified payload otherwise. */
function losslessPayload(rawBody: string, parsed: unknown): unknown {
  try {
    return parseShopifyJson(rawBody);
  } catch {
    return parsed;
  }
}

function retryLater() {
  return new Response(null, { status: 503, headers: { "Retry-After": "60" } });
}
