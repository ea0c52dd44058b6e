import { z } from "zod";

import type { Database } from "~/db.server";
import { ShopifyIdSchema } from "~/shopify/payloads/common";

const ShopifyId = ShopifyIdSchema;

export const DataRequestPayload = z.object({
  customer: z.object({ id: ShopifyId }),
  orders_requested: z.array(ShopifyId).default([]),
  data_request: z.object({ id: ShopifyId }).nullish(),
});

export const CustomerRedactPayload = z.object({
  customer: z.object({ id: ShopifyId }),
  orders_to_redact: z.array(ShopifyId).default([]),
});

/**
 * customers/data_request: stores everything the app holds on the customer as one JSON export the
 * merchant can hand over (Shopify does not collect it from apps). Diller's own data is Diller's to
 * export and is not copied here.
 */
export async function exportCustomerData(db: Database, shop: string, payload: z.infer<typeof DataRequestPayload>) {
  const customerId = payload.customer.id;
  const orderIds = payload.orders_requested;
  const [link, orders, events] = await Promise.all([
    db.customerLink.findUnique({ where: { shop_customerId: { shop, customerId } } }),
    db.orderSync.findMany({ where: { shop, OR: [{ customerId }, { orderId: { in: orderIds } }] } }),
    db.webhookEvent.findMany({
      where: { shop, OR: [{ customerId }, { orderId: { in: orderIds } }] },
      select: { topic: true, receivedAt: true, orderId: true, customerId: true, payload: true },
    }),
  ]);
  const exportJson = JSON.stringify({
    shop,
    customerId,
    generatedAt: new Date().toISOString(),
    dillerMember: link && {
      memberId: link.memberId,
      linkedBy: link.linkedBy,
      membershipConsent: link.membershipConsent,
      marketingConsent: link.marketingConsent,
      lastProfile: parseJson(link.customerJson),
      linkedAt: link.createdAt,
    },
    orders: orders.map((order) => ({
      orderId: order.orderId,
      orderName: order.orderName,
      state: order.state,
      dillerTransactionId: order.externalId,
      amountSent: order.totalSent,
      currency: order.currency,
      consent: parseJson(order.consentJson),
      sentAt: order.sentAt,
    })),
    webhookEvents: events.map((event) => ({ ...event, payload: parseJson(event.payload) })),
  });
  await db.complianceExport.create({
    data: { shop, customerId, requestId: payload.data_request?.id ?? null, exportJson },
  });
}

/**
 * customers/redact: removes the customer's personal data. Order sync records keep only what
 * idempotency needs (ids, state, the Diller transaction id), so a late event cannot re-send them.
 */
export async function redactCustomer(db: Database, shop: string, payload: z.infer<typeof CustomerRedactPayload>) {
  const customerId = payload.customer.id;
  const orderScope = { shop, OR: [{ customerId }, { orderId: { in: payload.orders_to_redact } }] };
  await db.$transaction([
    db.customerLink.deleteMany({ where: { shop, customerId } }),
    // The account page's one-time-code bookkeeping holds a phone number.
    db.accountOtp.deleteMany({ where: { shop, customerId } }),
    db.complianceExport.deleteMany({ where: { shop, customerId } }),
    db.checkoutCouponCode.deleteMany({ where: { shop, customerId } }),
    db.orderSync.updateMany({
      where: orderScope,
      data: { orderJson: null, refundsJson: "{}", consentJson: null, customerId: null },
    }),
    db.webhookEvent.deleteMany({ where: orderScope }),
  ]);
}

/** shop/redact (48 hours after uninstall): nothing of the shop remains. */
export async function redactShop(db: Database, shop: string) {
  await db.$transaction([
    db.orderSync.deleteMany({ where: { shop } }),
    db.syncActivity.deleteMany({ where: { shop } }),
    db.customerLink.deleteMany({ where: { shop } }),
    db.accountOtp.deleteMany({ where: { shop } }),
    db.complianceExport.deleteMany({ where: { shop } }),
    db.checkoutCouponCode.deleteMany({ where: { shop } }),
    db.locationDepartment.deleteMany({ where: { shop } }),
    db.localJob.deleteMany({ where: { shop } }),
    db.webhookEvent.deleteMany({ where: { shop } }),
    db.session.deleteMany({ where: { shop } }),
    db.shop.deleteMany({ where: { shop } }),
  ]);
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
