/**
 * One-time codes for login and phone change: six digits, valid 5 minutes, 5 wrong tries. The code is
 * kept as text but compared as a number, because `otp_code` is int32 on the wire: "012345" arrives as
 * 12345 and must still match.
 */
import { randomInt } from "node:crypto";

import { addMinutes } from "../clock";
import { type Schemas } from "../operation-types";
import { type PendingOtpState, type StoreState } from "../state/schema";
import { fullDigits } from "./phone";

export const OTP_TTL_MINUTES = 5;
export const OTP_MAX_FAILED_ATTEMPTS = 5;

export function randomOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export type OtpCheck = { ok: true; pending: PendingOtpState } | { ok: false; reason: string };

export function verifyOtp(
  store: StoreState,
  input: { memberId: string; purpose: PendingOtpState["purpose"]; otpCode: number; phone?: Schemas["Phone"] },
  now: Date,
): OtpCheck {
  const pending = store.pendingOtps.find((otp) => otp.memberId === input.memberId && otp.purpose === input.purpose);
  if (!pending) return { ok: false, reason: "No one-time code is pending for this member; request a new one." };
  const discard = () => {
    store.pendingOtps = store.pendingOtps.filter((otp) => otp !== pending);
  };
  if (addMinutes(new Date(pending.issuedAt), OTP_TTL_MINUTES) < now) {
    discard();
    return { ok: false, reason: "The one-time code has expired; request a new one." };
  }
  if (input.phone && (!pending.phone || fullDigits(pending.phone) !== fullDigits(input.phone))) {
    return { ok: false, reason: "The phone number does not match the pending phone change." };
  }
  if (Number(pending.code) !== input.otpCode) {
    pending.failedAttempts += 1;
    if (pending.failedAttempts >= OTP_MAX_FAILED_ATTEMPTS) {
      discard();
      return { ok: false, reason: "The one-time code is wrong; too many attempts, request a new one." };
    }
    return { ok: false, reason: "The one-time code is wrong." };
  }
  discard();
  return { ok: true, pending };
}
