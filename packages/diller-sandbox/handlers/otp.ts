/**
 * One-time codes: login (loginOTP → loginOtpVerification) and phone change (resetPhone →
 * resetPhoneVerification). No SMS is sent: the code goes to the sandbox log and to issuedOtps.
 */
import { requireMember } from "../domain/members";
import { verifyOtp } from "../domain/otp";
import { formatPhone } from "../domain/phone";
import { fieldProblem, validationProblem } from "../problem";
import { type Handler, requireBody } from "./context";
import { assertPhoneFree, requirePhone } from "./members";

const loginOTP: Handler<"loginOTP"> = (context, { path }) => {
  const member = requireMember(context.store, path.memberId);
  context.issueOtp({ memberId: member.id, purpose: "login" });
  return { status: 200, body: { is_ok: true, details: "A one-time code was sent to the member's phone." } };
};

const loginOtpVerification: Handler<"loginOtpVerification"> = ({ store, now }, { path, body }) => {
  const member = requireMember(store, path.memberId);
  const otpCode = requireBody(body).otp_code;
  if (otpCode === undefined) throw fieldProblem("otp_code", "The otp_code field is required.");
  const check = verifyOtp(store, { memberId: member.id, purpose: "login", otpCode }, now);
  return {
    status: 200,
    body: check.ok ? { is_ok: true, details: "The one-time code is valid." } : { is_ok: false, details: check.reason },
  };
};

const resetPhone: Handler<"resetPhone"> = (context, { path, body }) => {
  const { store } = context;
  const member = requireMember(store, path.memberId);
  const phone = requirePhone(requireBody(body), "");
  assertPhoneFree(store, phone, "number", member.id);
  context.issueOtp({ memberId: member.id, purpose: "reset-phone", phone });
  return {
    status: 200,
    body: { is_ok: true, details: `A one-time code was sent to ${formatPhone(phone)}.` },
  };
};

const resetPhoneVerification: Handler<"resetPhoneVerification"> = ({ store, now, logger }, { path, body }) => {
  const member = requireMember(store, path.memberId);
  const request = requireBody(body);
  const missing: Record<string, string[]> = {};
  if (!request.phone) missing.phone = ["The phone field is required."];
  if (request.otp_code === undefined) missing.otp_code = ["The otp_code field is required."];
  if (!request.phone || request.otp_code === undefined) throw validationProblem(missing);
  const phone = requirePhone(request.phone, "phone");
  const check = verifyOtp(
    store,
    { memberId: member.id, purpose: "reset-phone", otpCode: request.otp_code, phone },
    now,
  );
  if (!check.ok) return { status: 200, body: { is_ok: false, details: check.reason } };
  assertPhoneFree(store, phone, "phone", member.id);
  member.phone = phone;
  member.updatedAt = now.toISOString();
  logger.info("Member phone changed", { storeId: store.id, memberId: member.id });
  return { status: 200, body: { is_ok: true, details: "The phone number was changed." } };
};

export const otpHandlers = { loginOTP, loginOtpVerification, resetPhone, resetPhoneVerification };
