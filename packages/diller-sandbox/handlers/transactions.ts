/** Purchases, cancellations and partial refunds, with their effect on points, coupons and stamps. */
import { type CouponCheck, checkCoupon, redeemCoupon, restoreCoupon } from "../domain/coupons";
import { requireMember } from "../domain/members";
import { nonEligibleAmount } from "../domain/non-eligible";
import { adjustPoints, pointsForAmount, round2 } from "../domain/points";
import {
  applyStampMovement,
  findStampCard,
  isCardActive,
  reverseStampMovement,
  type StampRequest,
} from "../domain/stamps";
import { type Schemas } from "../operation-types";
import { type FieldErrors, fieldProblem, notFoundProblem, type ProblemError, validationProblem } from "../problem";
import { type MemberState, type StampMovementState, type StoreState, type TransactionState } from "../state/schema";
import { type Handler, requireBody } from "./context";
import { checkLines, checkMoney } from "./transaction-checks";

/** Refund totals may exceed what is left by this much (rounding of the caller's line sums). */
const MONEY_TOLERANCE = 0.005;

const createTransaction: Handler<"createTransaction"> = (context, { path, body }) => {
  const { store, now, logger } = context;
  const member = requireMember(store, path.memberId);
  const request = requireBody(body);
  const externalId = request.external_id?.trim();
  if (!externalId) throw fieldProblem("external_id", "The external_id field is required.");
  if (store.transactions.some((transaction) => transaction.externalId === externalId)) {
    throw duplicateExternalId(externalId);
  }
  if (!member.consent.gdpr_accepted) {
    throw fieldProblem(
      "memberId",
      "The member has not accepted the membership terms (consent.gdpr_accepted is false).",
      "Transactions can only be registered for members who accepted the membership terms.",
    );
  }
  const errors: FieldErrors = { ...checkMoney(store, request), ...checkLines(request.details) };
  const stampRequests = collectStampRequests(store, request, now, errors);
  const coupons = collectCoupons(request).map((entry) => ({
    ...entry,
    check: checkCoupon(store, member, entry.code, now, externalId),
  }));
  for (const { field, check } of coupons) if (!check.ok) (errors[field] ??= []).push(check.reason);
  if (Object.keys(errors).length > 0) throw validationProblem(errors);

  const stampMovements = applyStamps(store, member, stampRequests);
  const redeemedCoupons = coupons.flatMap(({ check }) => (check.ok ? [redeem(store, member, check, now)] : []));
  store.stampReservations = store.stampReservations.filter(
    (reservation) => !(reservation.memberId === member.id && reservation.externalTransactionId === externalId),
  );
  const total = request.total ?? 0;
  const pointsAwarded = pointsForAmount(store, Math.max(total - nonEligibleAmount(store, request.details, now), 0));
  adjustPoints(store, member, pointsAwarded, now);

  const stored = structuredClone(request);
  // Without save_order_history the member has not allowed Diller to keep purchase lines.
  if (!member.consent.save_order_history) delete stored.details;
  store.transactions.push({
    id: `T${String(context.nextId("transaction")).padStart(6, "0")}`,
    externalId,
    memberId: member.id,
    status: "completed",
    receivedAt: now.toISOString(),
    total,
    pointsAwarded,
    request: stored,
    redeemedCoupons,
    stampMovements,
    refunds: [],
  });
  logger.info("Transaction registered", { storeId: store.id, memberId: member.id, externalId, pointsAwarded });
  return { status: 200, body: { is_ok: true, details: `Transaction '${externalId}' registered.` } };
};

const cancelTransaction: Handler<"cancelTransaction"> = ({ store, now, logger }, { path, body }) => {
  const transaction = store.transactions.find((candidate) => candidate.externalId === path.externalTransactionId);
  if (!transaction) throw notFoundProblem(`Transaction '${path.externalTransactionId}' was not found in this store.`);
  if (transaction.status === "cancelled") {
    return {
      status: 200,
      body: { is_ok: false, details: `Transaction '${transaction.externalId}' is already cancelled.` },
    };
  }
  const member = store.members.find((candidate) => candidate.id === transaction.memberId);
  const pointsDeducted = round2(transaction.pointsAwarded - refundedPoints(transaction));
  if (member) {
    adjustPoints(store, member, -pointsDeducted, now);
    for (const coupon of transaction.redeemedCoupons) restoreCoupon(member, coupon.couponId);
    for (const movement of [...transaction.stampMovements].reverse()) {
      reverseStampMovement(findStampCard(store, movement.stampCardId), member, movement);
    }
  }
  transaction.status = "cancelled";
  transaction.cancellation = {
    cancelledAt: now.toISOString(),
    reason: body?.reason,
    origin: body?.origin,
    pointsDeducted,
  };
  logger.info("Transaction cancelled", { storeId: store.id, externalId: transaction.externalId, pointsDeducted });
  return { status: 200, body: { is_ok: true, details: `Transaction '${transaction.externalId}' cancelled.` } };
};

const createRefundTransaction: Handler<"createRefundTransaction"> = (context, { path, body }) => {
  const { store, now, logger } = context;
  const member = requireMember(store, path.memberId);
  const transaction = store.transactions.find(
    (candidate) =>
      candidate.memberId === member.id &&
      (candidate.externalId === path.transactionId || candidate.id === path.transactionId),
  );
  if (!transaction) throw notFoundProblem(`Transaction '${path.transactionId}' was not found for this member.`);
  const request = requireBody(body);
  if (transaction.status === "cancelled") {
    throw fieldProblem("transactionId", `Transaction '${transaction.externalId}' is cancelled and cannot be refunded.`);
  }
  const externalId = request.external_id?.trim();
  const errors: FieldErrors = { ...checkMoney(store, request), ...checkLines(request.details) };
  if (
    externalId &&
    store.transactions.some((candidate) => candidate.refunds.some((refund) => refund.externalId === externalId))
  ) {
    errors.external_id = [`A refund with external_id '${externalId}' already exists.`];
  }
  const refunded = transaction.refunds.reduce((sum, refund) => sum + refund.total, 0);
  const remaining = round2(transaction.total - refunded);
  if (request.total !== undefined && request.total > remaining + MONEY_TOLERANCE) {
    errors.total = [`The refund (${request.total}) exceeds the refundable amount (${remaining}).`];
  }
  if (Object.keys(errors).length > 0) throw validationProblem(errors);

  const total = request.total ?? 0;
  const earned = pointsForAmount(store, Math.max(total - nonEligibleAmount(store, request.details, now), 0));
  const pointsDeducted = round2(Math.min(earned, transaction.pointsAwarded - refundedPoints(transaction)));
  adjustPoints(store, member, -pointsDeducted, now);
  transaction.refunds.push({
    id: `R${String(context.nextId("refund")).padStart(6, "0")}`,
    externalId,
    total,
    pointsDeducted,
    receivedAt: now.toISOString(),
    request: structuredClone(request),
  });
  logger.info("Refund registered", { storeId: store.id, externalId: transaction.externalId, pointsDeducted });
  return {
    status: 200,
    body: { is_ok: true, details: `Refund of ${total} registered for '${transaction.externalId}'.` },
  };
};

export const transactionHandlers = { createTransaction, cancelTransaction, createRefundTransaction };

/** The sandbox's duplicate shape (an assumption, see README): 400 problem details naming external_id. */
function duplicateExternalId(externalId: string): ProblemError {
  const message = `A transaction with external_id '${externalId}' already exists.`;
  return validationProblem({ external_id: [message] }, message);
}

function refundedPoints(transaction: TransactionState): number {
  return transaction.refunds.reduce((sum, refund) => sum + refund.pointsDeducted, 0);
}

/** Codes from the order and its lines, each once (case-insensitive), with the field that named it first. */
function collectCoupons(request: Schemas["CreateTransactionRequest"]): Array<{ code: string; field: string }> {
  const entries = [
    ...(request.coupon_codes ?? []).map((code) => ({ code, field: "coupon_codes" })),
    ...(request.details ?? []).flatMap((line, index) =>
      (line.coupon_codes ?? []).map((code) => ({ code, field: `details[${index}].coupon_codes` })),
    ),
  ];
  const seen = new Set<string>();
  return entries.filter(({ code }) => {
    const key = code.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Stamp movements from `stamp_cards` (order and lines) and the obsolete `stamp_card_ids` (each id = one
 * stamp collected, as the Magento module uses it), with field errors for unusable entries.
 */
function collectStampRequests(
  store: StoreState,
  request: Schemas["CreateTransactionRequest"],
  now: Date,
  errors: FieldErrors,
): Array<StampRequest & { field: string }> {
  const sources = [
    { prefix: "", cards: request.stamp_cards, ids: request.stamp_card_ids },
    ...(request.details ?? []).map((line, index) => ({
      prefix: `details[${index}].`,
      cards: line.stamp_cards,
      ids: line.stamp_card_ids,
    })),
  ];
  const requests: Array<StampRequest & { field: string }> = [];
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const { prefix, cards, ids } of sources) {
    cards?.forEach((entry, index) => {
      const field = `${prefix}stamp_cards[${index}]`;
      if (entry.stamp_card_id === undefined)
        return fail(`${field}.stamp_card_id`, "The stamp_card_id field is required.");
      if (entry.action !== "collected" && entry.action !== "deducted") {
        return fail(`${field}.action`, "The action must be 'collected' or 'deducted'.");
      }
      if (entry.count === undefined || entry.count <= 0)
        return fail(`${field}.count`, "The count must be a positive number.");
      const problem = stampCardProblem(store, entry.stamp_card_id, now);
      if (problem) return fail(`${field}.stamp_card_id`, problem);
      requests.push({
        stampCardId: entry.stamp_card_id,
        action: entry.action,
        count: entry.count,
        field: `${field}.count`,
      });
    });
    ids?.forEach((stampCardId, index) => {
      const field = `${prefix}stamp_card_ids[${index}]`;
      const problem = stampCardProblem(store, stampCardId, now);
      if (problem) return fail(field, problem);
      requests.push({ stampCardId, action: "collected", count: 1, field });
    });
  }
  return requests;
}

function stampCardProblem(store: StoreState, stampCardId: number, now: Date): string | undefined {
  if (!store.profile.stamps_enabled) return "Stamp cards are not enabled for this store.";
  const card = findStampCard(store, stampCardId);
  if (!card) return `Stamp card ${stampCardId} does not exist.`;
  if (!isCardActive(card, now)) return `Stamp card ${stampCardId} is not active.`;
  return undefined;
}

/** Applies all movements or none: a failing deduction restores the member's cards and rejects the request. */
function applyStamps(
  store: StoreState,
  member: MemberState,
  requests: ReadonlyArray<StampRequest & { field: string }>,
): StampMovementState[] {
  const snapshot = structuredClone(member.stampCards);
  const applied: StampMovementState[] = [];
  for (const { field, ...request } of requests) {
    const card = findStampCard(store, request.stampCardId);
    const outcome = card
      ? applyStampMovement(card, member, request)
      : { error: `Stamp card ${request.stampCardId} does not exist.` };
    if ("error" in outcome) {
      member.stampCards = snapshot;
      throw fieldProblem(field, outcome.error);
    }
    applied.push(outcome.movement);
  }
  return applied;
}

function redeem(
  store: StoreState,
  member: MemberState,
  check: Extract<CouponCheck, { ok: true }>,
  now: Date,
): TransactionState["redeemedCoupons"][number] {
  redeemCoupon(member, check.coupon, now);
  const couponId = check.coupon.definition.id;
  store.couponReservations = store.couponReservations.filter(
    (reservation) => !(reservation.memberId === member.id && reservation.couponId === couponId),
  );
  return { couponId, code: check.coupon.definition.code };
}
