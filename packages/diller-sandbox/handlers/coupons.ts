/** Store coupons, member coupons, validation and reservation. */
import { checkCoupon, isCurrentlyUsable, toStoreCouponResponse, usableMemberCoupons } from "../domain/coupons";
import { requireMember } from "../domain/members";
import { fieldProblem } from "../problem";
import { type Handler, requireBody } from "./context";

const getStoreCoupons: Handler<"getStoreCoupons"> = ({ store, now }, { query }) => ({
  status: 200,
  body: store.coupons
    .filter((coupon) => query.alsoInactive === true || isCurrentlyUsable(coupon, now))
    .map(toStoreCouponResponse),
});

const getMemberCoupons: Handler<"getMemberCoupons"> = ({ store, now }, { path }) => ({
  status: 200,
  body: usableMemberCoupons(store, requireMember(store, path.memberId), now),
});

const validateCoupon: Handler<"validateCoupon"> = ({ store, now }, { path }) => {
  const member = requireMember(store, path.memberId);
  const check = checkCoupon(store, member, path.couponCode, now);
  return {
    status: 200,
    body: check.ok
      ? { is_ok: true, details: `Coupon '${check.coupon.definition.code}' can be used.` }
      : { is_ok: false, details: check.reason },
  };
};

const reserveCoupon: Handler<"reserveCoupon"> = ({ store, now, logger }, { path, body }) => {
  const member = requireMember(store, path.memberId);
  const request = requireBody(body);
  const externalTransactionId = request.external_transaction_id?.trim();
  if (!externalTransactionId) {
    throw fieldProblem(
      "external_transaction_id",
      "The external_transaction_id field is required to hold a reservation.",
    );
  }
  const check = checkCoupon(store, member, path.couponCode, now, externalTransactionId);
  if (!check.ok) return { status: 200, body: { is_ok: false, details: check.reason } };
  const couponId = check.coupon.definition.id;
  const existing = store.couponReservations.find(
    (reservation) => reservation.memberId === member.id && reservation.couponId === couponId,
  );
  if (!existing) {
    store.couponReservations.push({
      memberId: member.id,
      couponId,
      externalTransactionId,
      channel: request.channel,
      externalProductId: request.external_product_id,
      reservedAt: now.toISOString(),
    });
  }
  logger.info("Coupon reserved", { storeId: store.id, memberId: member.id, couponId, externalTransactionId });
  return {
    status: 200,
    body: {
      is_ok: true,
      details: `Coupon '${check.coupon.definition.code}' is reserved for '${externalTransactionId}'.`,
    },
  };
};

const cancelCouponReservation: Handler<"cancelCouponReservation"> = ({ store, logger }, { path, body }) => {
  const member = requireMember(store, path.memberId);
  const externalTransactionId = requireBody(body).external_transaction_id?.trim();
  if (!externalTransactionId)
    throw fieldProblem("external_transaction_id", "The external_transaction_id field is required.");
  const code = path.couponCode.trim().toLowerCase();
  const reservation = store.couponReservations.find(
    (candidate) =>
      candidate.memberId === member.id &&
      store.coupons.some(
        (coupon) => coupon.definition.id === candidate.couponId && coupon.definition.code.toLowerCase() === code,
      ),
  );
  if (!reservation)
    return { status: 200, body: { is_ok: false, details: `Coupon '${path.couponCode}' is not reserved.` } };
  if (reservation.externalTransactionId !== externalTransactionId) {
    return {
      status: 200,
      body: { is_ok: false, details: `Coupon '${path.couponCode}' is reserved by another transaction.` },
    };
  }
  store.couponReservations = store.couponReservations.filter((candidate) => candidate !== reservation);
  logger.info("Coupon reservation released", { storeId: store.id, memberId: member.id, externalTransactionId });
  return { status: 200, body: { is_ok: true, details: `Reservation of '${path.couponCode}' released.` } };
};

export const couponHandlers = {
  getStoreCoupons,
  getMemberCoupons,
  validateCoupon,
  reserveCoupon,
  cancelCouponReservation,
};
