import type { Database, OrderSync, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import { DillerHttpError, DillerNotFoundError, DillerValidationError } from "~/diller/errors.server";
import { PermanentJobError, describeError, type JobContext, type JobHandler } from "~/jobs/queue";
import { assessOrderForBooking } from "~/loyalty/order-eligibility";
import { mapOrderToTransaction, TransactionMappingError, type MappedTransaction } from "~/loyalty/order-to-transaction";
import { dillerOrigin, orderOrigin, returnOrigin, type Origin } from "~/loyalty/origin";
import { classifyRefunds, mapOrderRemainder } from "~/loyalty/refunds";
import { lineProductKeys, withLineStamps } from "~/loyalty/stamp-cards";
import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import { parseShopifyJson } from "~/shopify/payloads/json";
import { parseOrderPayload, type ShopifyOrder } from "~/shopify/payloads/order";
import { parseRefundPayload, type ShopifyRefund } from "~/shopify/payloads/refund";
import { findShop, syncBlocker } from "~/shops/shop.server";

import { recordActivity } from "./activity.server";
import type { MemberChanged } from "./customer-facts.server";
import { knownOrderOf, foldPendingOrderEvents } from "./order-events.server";
import { forgetDeletedMember, memberIsGone } from "./member-gone.server";
import { markMintedCodesUsed, mintedCouponCodes, normalizeCode } from "./minted-coupons.server";
import { linkCustomer, resolveOrderMember } from "./order-member.server";
import { originSettingsOf } from "./origin-settings.server";
import { currencySkipReason } from "./currency";
import { createStoreFactsCache } from "./store-facts.server";
import { testOrderSkipReason } from "./test-orders";
import { orderExternalId, parseOrderProgress, remainderExternalId, type OrderProgress } from "./order-progress";

export interface OrderSyncDeps {
  db: Database;
  /** The Diller client of a connected shop. */
  dillerFor: (shop: Shop) => DillerClient;
  admin: ShopifyAdminGateway;
  /** After a transaction of a customer's order was posted or cancelled. */
  memberChanged?: MemberChanged;
  now?: () => Date;
}

/** The live Diller transaction the order should have right now, if any. */
interface DesiredTransaction {
  externalId: string;
  kind: "original" | "remainder";
  mapped: MappedTransaction;
}

class OrderSyncProblem extends PermanentJobError {}

/** What a converge run had decided when it failed (for recovering from a member deleted in Diller). */
interface ConvergeTrace {
  memberId?: string;
}

/**
 * The order-sync job: folds the order's waiting webhooks into what is known about it, then makes
 * Diller agree. Because it converges on the accumulated facts instead of replaying events, events
 * may arrive late, twice or out of order (a refund before the payment, a cancel before the
 * create): the outcome is the same. Every Diller side effect is recorded in the order's progress
 * right after it succeeds, and every one is safe to repeat when a crash loses that record
 * (transactions are keyed by a stable external_id; cancel and release are idempotent; members are
 * searched before they are registered).
 */
export function createOrderSyncHandler({
  db,
  dillerFor,
  admin,
  memberChanged = async () => {},
  now = () => new Date(),
}: OrderSyncDeps): JobHandler<"order-sync"> {
  const store = createStoreFactsCache(now);

  return async ({ shop, orderId }, context) => {
    const record = await foldPendingOrderEvents(db, shop, orderId, now);
    if (!record) return;
    const shopRow = await findShop(db, shop);
    const blocker = syncBlocker(shopRow);
    if (!shopRow || blocker) {
      await settle(record, { state: "SKIPPED", reason: `Not sent: ${blocker}` });
      return;
    }
    await db.orderSync.update({ where: { id: record.id }, data: { attempts: { increment: 1 } } });
    try {
      await convergeAfterDeletedMember(record, shopRow, context);
    } catch (error) {
      const permanent = error instanceof PermanentJobError;
      const final = permanent || context.isFinalAttempt;
      await db.orderSync.update({
        where: { id: record.id },
        data: final
          ? { state: "FAILED", lastError: describeError(error), reason: failureReason(error) }
          : { lastError: describeError(error) },
      });
      if (final) {
        await recordActivity(db, { shop, kind: "SYNC_FAILED", orderId, detail: failureReason(error), at: now() });
      }
      throw error;
    }
  };

  async function settle(
    record: OrderSync,
    data: Partial<
      Pick<OrderSync, "state" | "reason" | "externalId" | "totalSent" | "currency" | "sentAt" | "memberId">
    > & { progress?: OrderProgress },
  ) {
    const { progress, ...fields } = data;
    const previous = record.state;
    await db.orderSync.update({
      where: { id: record.id },
      data: {
        ...fields,
        ...(progress ? { progressJson: JSON.stringify(progress) } : {}),
        ...(fields.state !== "FAILED" ? { lastError: null } : {}),
      },
    });
    if (fields.state === "SKIPPED" && previous !== "SKIPPED") {
      await recordActivity(db, {
        shop: record.shop,
        kind: "ORDER_SKIPPED",
        orderId: record.orderId,
        detail: fields.reason ?? undefined,
        at: now(),
      });
    }
  }

  /** Converges; when the order's member turns out to be deleted in Diller, forgets it and converges once more. */
  async function convergeAfterDeletedMember(record: OrderSync, shopRow: Shop, context: JobContext) {
    const trace: ConvergeTrace = {};
    try {
      await converge(record, shopRow, context, trace);
    } catch (error) {
      const memberId = trace.memberId;
      if (!memberId || !(await memberIsGone(dillerFor(shopRow), error, memberId))) throw error;
      const current = (await db.orderSync.findUnique({ where: { id: record.id } })) ?? record;
      const progress = parseOrderProgress(current.progressJson);
      await forgetDeletedMember({ db, shop: record.shop, orderId: record.orderId, memberId, progress, at: now() });
      context.logger.warn("the order's Diller member was deleted; resolving the member again", { memberId });
      const fresh = (await db.orderSync.findUnique({ where: { id: record.id } })) ?? current;
      await converge(fresh, shopRow, context, {});
    }
  }

  async function converge(
    record: OrderSync,
    shopRow: Shop,
    { logger, isFinalAttempt }: JobContext,
    trace: ConvergeTrace,
  ) {
    const { shop, orderId } = record;
    const known = knownOrderOf(record);
    if (!known.orderJson) {
      await settle(record, {
        state: "PENDING",
        reason: "Waiting for the order itself (only refunds are known so far)",
      });
      return;
    }
    const rawOrder = parseShopifyJson(known.orderJson);
    const parsed = parseOrderPayload(rawOrder);
    if (!parsed.success) throw new OrderSyncProblem(`The order data from Shopify is unusable: ${parsed.error.message}`);
    const order = parsed.data;
    const refunds = Object.values(known.refunds).flatMap((raw) => {
      const refund = parseRefundPayload(raw);
      if (refund.success) return [refund.data];
      logger.warn("refund payload unusable, ignored", { orderId, error: refund.error.message });
      return [];
    });
    const progress = parseOrderProgress(record.progressJson);
    const originSettings = await originSettingsOf(db, shopRow);
    const origin = orderOrigin(originSettings, order);
    const testSkip = testOrderSkipReason(shopRow, order.test);
    if (testSkip && !progress.live && progress.cancelled.length === 0) {
      await settle(record, { state: "SKIPPED", reason: `Not sent: ${testSkip}` });
      return;
    }
    const save = async () =>
      db.orderSync.update({ where: { id: record.id }, data: { progressJson: JSON.stringify(progress) } });
    const diller = dillerFor(shopRow);
    if (shopRow.currencyMismatch === "SKIP" && !progress.live && progress.cancelled.length === 0) {
      const facts = await store.facts(shopRow, diller);
      // Retried with the job: an unreadable store profile must not skip orders for good.
      if (!facts) throw new Error("The Diller store's currency could not be read");
      const currencySkip = currencySkipReason(
        order.currency ?? order.presentment_currency,
        facts.currency,
        shopRow.currencyMismatch,
      );
      if (currencySkip) {
        await settle(record, { state: "SKIPPED", reason: `Not sent: ${currencySkip}` });
        return;
      }
    }

    const cancelled = Boolean(known.cancelledAt) || order.financial_status === "voided";
    const assessment = assessOrderForBooking(order);
    const triggerMet =
      shopRow.orderTrigger === "FULFILLED" ? Boolean(known.fulfilledAt) : Boolean(known.paidAt) || assessment.bookable;
    const bookable = triggerMet && !cancelled;

    // 1. Who is the member?
    if (!progress.memberId) {
      // Consent from the order's own `$app` metafield is asked of Shopify only when no member is
      // found without it, and then kept on the record (with the text version the shopper saw).
      let consent = known.consent;
      const loadConsent = async () => {
        consent ??= await admin.orderConsent(shop, orderId).catch(() => null);
        if (consent && !known.consent) {
          known.consent = consent;
          await db.orderSync.update({ where: { id: record.id }, data: { consentJson: JSON.stringify(consent) } });
        }
        return consent;
      };
      const resolution = await resolveOrderMember({
        db,
        diller,
        admin,
        shop,
        order,
        rawOrder,
        consent,
        loadConsent,
        guestEnrollment: shopRow.guestEnrollment,
        departmentId: shopRow.dillerDepartmentId,
      });
      if (!resolution.found) {
        await settle(record, { state: "SKIPPED", reason: `Not sent: ${resolution.reason}` });
        return;
      }
      // A member found by search is saved with the first side effect below (finding changes
      // nothing); a registration is saved at once, so a re-run knows the member joined here.
      progress.memberId = resolution.memberId;
      progress.linkedBy = resolution.linkedBy;
      if (resolution.linkedBy === "registered") {
        await save();
        await recordActivity(db, {
          shop,
          kind: "MEMBER_REGISTERED",
          orderId,
          customerId: order.customer?.id ?? undefined,
          at: now(),
        });
        if (order.customer?.id)
          await linkCustomer(db, shop, order.customer.id, resolution.memberId, "registered", consent);
      }
    }
    const memberId = progress.memberId;
    trace.memberId = memberId;

    // 3. Which of the order's discount codes are the member's Diller coupons (decided once: a used coupon disappears from the list).
    if (!progress.couponCodes) {
      const codes = order.discount_codes.map((discount) => discount.code?.trim() ?? "").filter(Boolean);
      if (codes.length === 0) progress.couponCodes = [];
      else {
        // A code minted at checkout names its Diller coupon; only other codes are compared with the member's coupons.
        const minted = await mintedCouponCodes(db, shop, codes);
        const others = codes.filter((code) => !minted.has(normalizeCode(code)));
        const coupons = others.length > 0 ? await diller.coupons.listMemberCoupons({ memberId }) : [];
        const dillerCodes = new Map(coupons.map((coupon) => [coupon.code.toLowerCase(), coupon.code]));
        progress.couponCodes = [
          ...new Set(
            codes.flatMap((code) => minted.get(normalizeCode(code)) ?? dillerCodes.get(code.toLowerCase()) ?? []),
          ),
        ];
        await markMintedCodesUsed(db, shop, [...minted.keys()]);
      }
    }
    const couponCodes = progress.couponCodes;
    const baseExternalId = orderExternalId(shop, orderId);

    // 4. Until the order is booked, its coupons are reserved for it.
    if (!bookable && !cancelled && !progress.released) {
      for (const code of couponCodes.filter((candidate) => !progress.reserved.includes(candidate))) {
        const result = await diller.coupons.reserveCoupon({
          memberId,
          couponCode: code,
          reservation: { channel: origin.channel, external_transaction_id: baseExternalId },
        });
        if (result.is_ok === false) logger.warn("coupon not reserved", { orderId, details: result.details });
        progress.reserved.push(code);
        await save();
      }
    }

    let pointsChanged = false;
    // 5. What should stand in Diller now: nothing, the order, or what remains of it after refunds.
    const desired = bookable
      ? await desiredTransaction(shop, shopRow, order, refunds, couponCodes, baseExternalId, origin)
      : null;

    if (progress.live && progress.live !== desired?.externalId) {
      await cancelTransaction(
        diller,
        progress.live,
        cancelled ? "Order cancelled in Shopify" : "Order refunded in Shopify",
        dillerOrigin(`shopify:${shop}`, returnOrigin(originSettings, order, [...order.refunds, ...refunds])),
        logger,
      );
      progress.cancelled.push(progress.live);
      pointsChanged = true;
      const cancelledId = progress.live;
      progress.live = undefined;
      await save();
      await recordActivity(db, {
        shop,
        kind: "TRANSACTION_CANCELLED",
        orderId,
        externalId: cancelledId,
        amount: progress.posted[cancelledId]?.total,
        at: now(),
      });
    }
    if (desired && progress.live !== desired.externalId) {
      const posted = await postTransaction(diller, memberId, await withStamps(shopRow, diller, order, desired), logger);
      progress.live = desired.externalId;
      pointsChanged = true;
      progress.posted[desired.externalId] = { total: posted.amounts.total, at: now().toISOString() };
      await save();
      await recordActivity(db, {
        shop,
        kind: desired.kind === "original" ? "TRANSACTION_SENT" : "REMAINDER_SENT",
        orderId,
        externalId: desired.externalId,
        amount: posted.amounts.total,
        points: await estimatePoints(shopRow, diller, Number(posted.amounts.total)),
        detail: posted.body.coupon_codes.length ? `coupons: ${posted.body.coupon_codes.join(", ")}` : undefined,
        at: now(),
      });
    }

    // 6. Once booked or cancelled, reservations are released (a posted transaction consumed them).
    if (progress.reserved.length > 0 && !progress.released && (progress.live || cancelled)) {
      for (const code of progress.reserved) {
        await diller.coupons
          .cancelCouponReservation({
            memberId,
            couponCode: code,
            cancellation: { external_transaction_id: baseExternalId },
          })
          .catch((error: unknown) => {
            if (!(error instanceof DillerValidationError || error instanceof DillerNotFoundError)) throw error;
            logger.info("reservation already gone", { orderId });
          });
      }
      progress.released = true;
      await save();
    }

    // 7. The record the merchant sees.
    if (progress.live) {
      const live = progress.posted[progress.live];
      await settle(record, {
        state: "SENT",
        reason: desired?.kind === "remainder" ? `Partially returned: the remainder was sent as ${progress.live}` : null,
        externalId: progress.live,
        totalSent: live?.total ?? null,
        currency: desired?.mapped.amounts.currency ?? record.currency,
        sentAt: live ? new Date(live.at) : now(),
        memberId,
        progress,
      });
    } else if (cancelled || progress.cancelled.length > 0 || (bookable && !desired)) {
      const reason =
        progress.cancelled.length > 0
          ? cancelled
            ? "Cancelled in Shopify: the Diller transaction was cancelled"
            : "Fully returned: the Diller transaction was cancelled"
          : cancelled
            ? "Cancelled before it was sent"
            : "Fully returned before it was sent";
      await settle(record, {
        state: "CANCELLED",
        reason,
        externalId: progress.cancelled.at(-1) ?? null,
        memberId,
        progress,
      });
    } else {
      const waitingFor = shopRow.orderTrigger === "FULFILLED" ? "fulfilment" : "payment";
      await settle(record, {
        state: "PENDING",
        reason: `Waiting for ${waitingFor}${couponCodes.length ? " (coupons reserved)" : ""}`,
        memberId,
        progress,
      });
    }

    if (pointsChanged && order.customer?.id) await memberChanged(shopRow, order.customer.id);

    // 8. Consent given at checkout is recorded on the Shopify customer as well. Last, so a Shopify
    // outage never holds up the member's points; retried with the job until it is recorded.
    if (progress.linkedBy === "registered" && known.consent && order.customer?.id && !progress.consentStoredOnShopify) {
      try {
        await admin.storeCustomerConsent(shop, order.customer.id, { ...known.consent, memberId });
        progress.consentStoredOnShopify = true;
        await save();
      } catch (error) {
        const note = `The shopper's loyalty consent could not be recorded in Shopify yet: ${describeError(error)}`;
        await db.orderSync.update({ where: { id: record.id }, data: { lastError: note } });
        if (!isFinalAttempt) throw error;
        logger.error("consent not recorded in Shopify", { orderId, error });
      }
    }
  }

  async function desiredTransaction(
    shop: string,
    shopRow: Shop,
    order: ShopifyOrder,
    refunds: ShopifyRefund[],
    couponCodes: string[],
    baseExternalId: string,
    origin: Origin,
  ): Promise<DesiredTransaction | null> {
    const variantIds = order.line_items.flatMap((line) => (line.variant_id ? [line.variant_id] : []));
    const products =
      variantIds.length > 0 ? await admin.productInfo(shop, variantIds).catch(() => new Map()) : new Map();
    const options = {
      externalId: baseExternalId,
      origin,
      systemId: `shopify:${shop}`,
      includeShipping: shopRow.includeShipping,
      products,
      couponCodes,
    };
    try {
      const classification = classifyRefunds(order, refunds, { includeShipping: shopRow.includeShipping });
      if (classification === "full") return null;
      if (classification === "none")
        return { externalId: baseExternalId, kind: "original", mapped: mapOrderToTransaction(order, options) };
      const externalId = remainderExternalId(shop, order.id, refunds.length);
      const remainder = mapOrderRemainder(order, refunds, { ...options, externalId });
      return remainder ? { externalId, kind: "remainder", mapped: remainder } : null;
    } catch (error) {
      if (error instanceof TransactionMappingError)
        throw new OrderSyncProblem(`The order cannot be mapped to a Diller transaction: ${error.message}`, {
          cause: error,
        });
      throw error;
    }
  }

  /** The stamps the lines collect on the store's product stamp cards (cancelled with the transaction). */
  async function withStamps(
    shopRow: Shop,
    diller: DillerClient,
    order: ShopifyOrder,
    desired: DesiredTransaction,
  ): Promise<DesiredTransaction> {
    const rules = await store.stampRules(shopRow, diller);
    // Retried with the job: booking without the stamps would lose them for good.
    if (!rules) throw new Error("The Diller store's stamp cards could not be read");
    const body = withLineStamps(desired.mapped.body, rules, lineProductKeys(order.line_items));
    return body === desired.mapped.body ? desired : { ...desired, mapped: { ...desired.mapped, body } };
  }

  async function postTransaction(
    diller: DillerClient,
    memberId: string,
    desired: DesiredTransaction,
    logger: JobContext["logger"],
  ) {
    const { body, amounts } = desired.mapped;
    try {
      const outcome = await diller.transactions.createTransaction({ memberId, transaction: body });
      if (outcome.outcome === "duplicate")
        logger.info("transaction already in Diller", { externalId: desired.externalId });
      return { body, amounts };
    } catch (error) {
      // A coupon used or expired elsewhere must not cost the member the purchase's points.
      if (error instanceof DillerValidationError && body.coupon_codes.length > 0 && mentionsCoupons(error)) {
        logger.warn("coupons refused by Diller; sending the purchase without them", { externalId: desired.externalId });
        const withoutCoupons = { ...body, coupon_codes: [] };
        await diller.transactions.createTransaction({ memberId, transaction: withoutCoupons });
        return { body: withoutCoupons, amounts };
      }
      if (error instanceof DillerValidationError) {
        throw new OrderSyncProblem(`Diller refused the transaction: ${problemText(error)}`, { cause: error });
      }
      throw error;
    }
  }

  async function cancelTransaction(
    diller: DillerClient,
    externalId: string,
    reason: string,
    origin: ReturnType<typeof dillerOrigin>,
    logger: JobContext["logger"],
  ) {
    try {
      const result = await diller.transactions.cancelTransaction({
        externalTransactionId: externalId,
        cancellation: { reason, origin },
      });
      if (result.is_ok === false)
        logger.info("Diller did not cancel (already cancelled?)", { externalId, details: result.details });
    } catch (error) {
      // Cancelling is idempotent in effect: "already cancelled" / "not found" means nothing is left to undo.
      if (error instanceof DillerValidationError || error instanceof DillerNotFoundError) {
        logger.info("transaction already cancelled or unknown in Diller", { externalId });
        return;
      }
      throw error;
    }
  }

  async function estimatePoints(shopRow: Shop, diller: DillerClient, total: number): Promise<number | undefined> {
    const ratio = (await store.facts(shopRow, diller))?.pointsRatio ?? null;
    return ratio === null ? undefined : Math.round(total * ratio * 100) / 100;
  }
}

function mentionsCoupons(error: DillerValidationError): boolean {
  return (
    Object.keys(error.fieldErrors).some((field) => /coupon/i.test(field)) || /coupon/i.test(error.problem?.detail ?? "")
  );
}

function problemText(error: DillerHttpError): string {
  const fields =
    error instanceof DillerValidationError
      ? Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`)
      : [];
  return [error.problem?.detail ?? error.problem?.title ?? `HTTP ${error.status}`, ...fields].join("; ");
}

/** One sentence for the dashboard: what went wrong, without stack or payload. */
function failureReason(error: unknown): string {
  if (error instanceof OrderSyncProblem) return error.message;
  if (error instanceof DillerHttpError) return `Diller answered ${error.status}: ${problemText(error)}`;
  if (error instanceof Error) return `Could not reach Diller: ${error.message}`;
  return "Unknown error";
}
