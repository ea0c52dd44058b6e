/** Store stamp cards, member progress, and stamp reservation (cancel is deprecated but served). */
import { requireMember } from "../domain/members";
import { findStampCard, isCardActive, toMemberStampCard, toStoreStampCard } from "../domain/stamps";
import { fieldProblem } from "../problem";
import { type Handler, requireBody } from "./context";

const getStoreStamps: Handler<"getStoreStamps"> = ({ store, now }, { query }) => ({
  status: 200,
  body: store.stampCards.filter((card) => query.alsoInactive === true || isCardActive(card, now)).map(toStoreStampCard),
});

const getMemberStampCards: Handler<"getMemberStampCards"> = ({ store, now }, { path }) => {
  const member = requireMember(store, path.memberId);
  return {
    status: 200,
    body: store.stampCards.filter((card) => isCardActive(card, now)).map((card) => toMemberStampCard(card, member)),
  };
};

const reserveStamp: Handler<"reserveStamp"> = ({ store, now, logger }, { path, body }) => {
  const member = requireMember(store, path.memberId);
  const request = requireBody(body);
  const externalTransactionId = request.external_transaction_id?.trim();
  if (!externalTransactionId) {
    throw fieldProblem(
      "external_transaction_id",
      "The external_transaction_id field is required to hold a reservation.",
    );
  }
  const card = findStampCard(store, path.stampId);
  if (!card) return { status: 200, body: { is_ok: false, details: `Stamp card ${path.stampId} does not exist.` } };
  if (!isCardActive(card, now)) {
    return { status: 200, body: { is_ok: false, details: `Stamp card ${path.stampId} is not active.` } };
  }
  const held = store.stampReservations.find(
    (reservation) => reservation.memberId === member.id && reservation.stampCardId === path.stampId,
  );
  if (held && held.externalTransactionId !== externalTransactionId) {
    return {
      status: 200,
      body: { is_ok: false, details: `Stamp card ${path.stampId} is reserved by another transaction.` },
    };
  }
  if (held) held.count += 1;
  else {
    store.stampReservations.push({
      memberId: member.id,
      stampCardId: path.stampId,
      externalTransactionId,
      channel: request.channel,
      externalProductId: request.external_product_id,
      count: 1,
      reservedAt: now.toISOString(),
    });
  }
  logger.info("Stamp reserved", {
    storeId: store.id,
    memberId: member.id,
    stampCardId: path.stampId,
    externalTransactionId,
  });
  return {
    status: 200,
    body: { is_ok: true, details: `Stamp on card ${path.stampId} reserved for '${externalTransactionId}'.` },
  };
};

const cancelStampReservation: Handler<"cancelStampReservation"> = ({ store, logger }, { path, body }) => {
  const member = requireMember(store, path.memberId);
  const externalTransactionId = requireBody(body).external_transaction_id?.trim();
  if (!externalTransactionId)
    throw fieldProblem("external_transaction_id", "The external_transaction_id field is required.");
  const reservation = store.stampReservations.find(
    (candidate) => candidate.memberId === member.id && candidate.stampCardId === path.stampId,
  );
  if (!reservation)
    return { status: 200, body: { is_ok: false, details: `Stamp card ${path.stampId} has no reservation.` } };
  if (reservation.externalTransactionId !== externalTransactionId) {
    return {
      status: 200,
      body: { is_ok: false, details: `Stamp card ${path.stampId} is reserved by another transaction.` },
    };
  }
  store.stampReservations = store.stampReservations.filter((candidate) => candidate !== reservation);
  logger.warn("Deprecated cancelStampReservation called", { storeId: store.id, memberId: member.id });
  return { status: 200, body: { is_ok: true, details: `Stamp reservation on card ${path.stampId} released.` } };
};

export const stampCardHandlers = { getStoreStamps, getMemberStampCards, reserveStamp, cancelStampReservation };
