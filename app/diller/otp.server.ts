import { callAndParse } from "./call.server";
import type { components } from "@diller/diller-contract";
import { DillerInvalidInputError } from "./errors.server";
import type { MemberRef } from "./members.server";
import { ActionResponseSchema, type ActionResponse } from "./schemas.server";
import type { DillerTransport } from "./transport.server";

type Schemas = components["schemas"];

const OTP_CODE = /^\d{4,8}$/;

/**
 * `otp_code` is an int32 on the wire, so the code travels as a number. Callers keep it as the string
 * the shopper typed (4–8 digits). HAZARD: a leading zero is lost ("0123" is sent as 123); whether
 * Diller compares numerically, or never issues such codes, is to be confirmed (docs/diller.md).
 */
export function otpCodeToWire(operationId: string, code: string): number {
  const digits = code.trim();
  if (!OTP_CODE.test(digits)) throw new DillerInvalidInputError(operationId, "otp_code", "must be 4 to 8 digits");
  return Number(digits);
}

/**
 * One-time codes: login by SMS code and the two-step phone change. None of these is re-sent after an
 * ambiguous failure: a repeat sends another SMS, or spends a code that may already be used.
 */
export function otpApiFactory({ transport }: { transport: DillerTransport }) {
  return {
    /** `loginOTP`: sends the member a login code by SMS. */
    async sendLoginOtp({ memberId }: MemberRef): Promise<ActionResponse> {
      return callAndParse(transport, "loginOTP", ActionResponseSchema, { path: { memberId } });
    },
    /** `loginOtpVerification`: `is_ok` says whether the code is right. */
    async verifyLoginOtp({ memberId, code }: MemberRef & { code: string }): Promise<ActionResponse> {
      const body = { otp_code: otpCodeToWire("loginOtpVerification", code) };
      return callAndParse(transport, "loginOtpVerification", ActionResponseSchema, { path: { memberId }, body });
    },
    /** `resetPhone`: first step of a phone change; Diller sends a code to the new number. */
    async startPhoneChange({ memberId, phone }: MemberRef & { phone: Schemas["Phone"] }): Promise<ActionResponse> {
      return callAndParse(transport, "resetPhone", ActionResponseSchema, { path: { memberId }, body: phone });
    },
    /** `resetPhoneVerification`: confirms the new number with the code. */
    async confirmPhoneChange({
      memberId,
      phone,
      code,
    }: MemberRef & { phone: Schemas["Phone"]; code: string }): Promise<ActionResponse> {
      const body = { phone, otp_code: otpCodeToWire("resetPhoneVerification", code) };
      return callAndParse(transport, "resetPhoneVerification", ActionResponseSchema, { path: { memberId }, body });
    },
  };
}
