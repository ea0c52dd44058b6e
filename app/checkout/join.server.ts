import type { CheckoutJoinResponse } from "@diller/storefront-contract";
import { z } from "zod";

import type { Database } from "~/db.server";
import type { JobQueue } from "~/jobs/queue";
import { parseShopifyJson } from "~/shopify/payloads/json";
import { StorefrontHttpError } from "~/storefront/errors.server";
import type { StorefrontContext } from "~/storefront/handler.server";
import { availableShop, linkedMemberId } from "~/storefront/shop-access.server";
import { ConsentSchema, type LoyaltyConsent } from "~/shopify/consent";
import { parseOrderProgress } from "~/sync/order-progress";

/** The thank-you page offers joining for this long after the order was placed. */
export const JOIN_WINDOW_MS = 60 * 60 * 1000;

const ORDER_GID = /^gid:\/\/shopify\/(?:OrderIdentity|Order)\/(\d{1,20})$/;

const JoinBody = z.object({
  // The thank-you page's OrderIdentity carries the order's own numeric id.
  orderId: z.string().trim().regex(ORDER_GID),
  membershipConsent: z.literal(true, { error: "must_accept" }),
  marketingConsent: z.boolean(),
  textVersion: z.number().int().min(1).max(1_000_000),
});

const OrderFacts = z.object({
  created_at: z.string().nullish(),
  customer: z.object({ id: z.union([z.number(), z.string()]).transform(String).nullish() }).nullish(),
});

export interface JoinDeps {
  db: Database;
  queue: Pick<JobQueue, "send">;
  now?: () => Date;
}

/**
 * POST /api/checkout/join: a buyer joins on the thank-you page. The consent is stored on the order's
 * sync record (an authenticated extension call is one of the two sources of consent the sync engine
 * trusts) and the order is synced again, so the buyer is registered and this order's points are
 * booked to the new member. Only for a recent order with no consent yet; when the token names a
 * customer, the order must be theirs. The order must be known from its webhook: until it is, 404
 * `not_found` (the extension tries again a moment later).
 */
export function createJoinRoute({ db, queue, now = () => new Date() }: JoinDeps) {
  return async function join(context: StorefrontContext): Promise<CheckoutJoinResponse> {
    const body = await context.body(JoinBody);
    const shop = await availableShop(db, context.shop);
    if (!shop.guestEnrollment) throw new StorefrontHttpError("not_available");
    const orderId = ORDER_GID.exec(body.orderId)?.[1] ?? "";
    const record = await db.orderSync.findUnique({ where: { shop_orderId: { shop: shop.shop, orderId } } });
    if (!record?.orderJson) throw new StorefrontHttpError("not_found");
    const order = OrderFacts.safeParse(safeJson(record.orderJson));
    const placedAt = order.success && order.data.created_at ? new Date(order.data.created_at) : record.createdAt;
    if (Number.isNaN(placedAt.getTime()) || now().getTime() - placedAt.getTime() > JOIN_WINDOW_MS)
      throw new StorefrontHttpError("not_found");
    const orderCustomerId = order.success ? (order.data.customer?.id ?? null) : null;
    if (context.customerId && orderCustomerId !== context.customerId) throw new StorefrontHttpError("forbidden");

    if (record.memberId || parseOrderProgress(record.progressJson).memberId) return { status: "already_member" };
    if (context.customerId && (await linkedMemberId(db, shop.shop, context.customerId)))
      return { status: "already_member" };
    const given = record.consentJson ? ConsentSchema.safeParse(safeJson(record.consentJson)) : null;
    if (given?.success && given.data.membership) return { status: "joining" };

    const consent: LoyaltyConsent = {
      membership: true,
      marketing: body.marketingConsent,
      textVersion: String(body.textVersion),
      capturedAt: now().toISOString(),
      source: "thank-you",
    };
    await db.orderSync.updateMany({
      where: { id: record.id, shop: shop.shop },
      data: { consentJson: JSON.stringify(consent), reason: "Joining the loyalty program from the thank-you page" },
    });
    await queue.send("order-sync", { shop: shop.shop, orderId });
    return { status: "joining" };
  };
}

function safeJson(text: string): unknown {
  try {
    return parseShopifyJson(text);
  } catch {
    return undefined;
  }
}
