import type { MemberDetailResponse, OtpSentResponse } from "@diller/storefront-contract";

import type { AccountOtp } from "~/db.server";
import { DillerValidationError } from "~/diller/errors.server";
import type { StorefrontContext } from "~/storefront/handler.server";
import { StorefrontHttpError } from "~/storefront/errors.server";
import { recordActivity } from "~/sync/activity.server";
import { splitE164, toE164 } from "~/sync/phone";

import type { AccountDeps } from "./deps.server";
import type { OtpLimits, OtpPurpose } from "./otp-limits.server";
import { maskPhone } from "./profile";
import type { AccountReads } from "./reads.server";
import { OtpVerifySchema, PhoneChangeConfirmSchema, PhoneChangeStartSchema } from "./request-schemas";
import {
  customerSnapshotOf,
  isActiveMember,
  linkCustomerToMember,
  linkedMemberIdOf,
  openAccount,
  requireMemberId,
  type AccountSession,
} from "./session.server";

const DIGITS_CODE = /^\d{4,8}$/;

function e164Of(phone: { countryCode: string; number: string }): string {
  const e164 = toE164(`${phone.countryCode}${phone.number}`);
  if (!e164) throw StorefrontHttpError.invalidInput({ phone: "invalid_phone" });
  return e164;
}

/**
 * Phone linking and phone change by Diller's one-time codes. Linking never takes a number from the
 * request: the code goes to the member whose phone is the Shopify customer's own, and only the member
 * the code was sent for can be linked; so typing someone else's number cannot link anything.
 */
export function createPhoneFlows(deps: AccountDeps, reads: AccountReads, limits: OtpLimits, now: () => Date) {
  const { db } = deps;

  /** Asks Diller whether the code is right; counts a wrong one (a malformed code never reaches Diller). */
  async function checkCode(
    session: AccountSession,
    purpose: OtpPurpose,
    code: string,
    ask: (row: AccountOtp) => Promise<boolean | undefined>,
  ): Promise<AccountOtp> {
    const row = await limits.pendingCode(session.shop.shop, session.customerId, purpose);
    if (!DIGITS_CODE.test(code) || !(await ask(row))) return limits.wrongCode(row);
    await limits.spent(row);
    return row;
  }

  async function phoneMatch(session: AccountSession) {
    const customer = customerSnapshotOf(session.link);
    const phone = toE164(customer?.phone ?? customer?.default_address?.phone);
    if (!phone) return null;
    const member = (await session.diller.members.findMembersByPhone(phone)).find(isActiveMember);
    return member ? { memberId: member.id, phone } : null;
  }

  return {
    async sendLinkCode(context: StorefrontContext): Promise<OtpSentResponse> {
      const session = await openAccount(deps, context);
      if (linkedMemberIdOf(session.link)) throw new StorefrontHttpError("already_member");
      const match = await phoneMatch(session);
      if (!match) throw new StorefrontHttpError("not_found");
      const { sendsLeft } = await limits.reserveSend(session.shop.shop, session.customerId, "phone-link", match);
      await session.diller.otp.sendLoginOtp({ memberId: match.memberId });
      await limits.markSent(session.shop.shop, session.customerId, "phone-link");
      const split = splitE164(match.phone);
      return { maskedPhone: split ? maskPhone(split) : "", sendsLeft };
    },

    async verifyLinkCode(context: StorefrontContext): Promise<MemberDetailResponse> {
      const session = await openAccount(deps, context);
      if (linkedMemberIdOf(session.link)) throw new StorefrontHttpError("already_member");
      const { code } = await context.body(OtpVerifySchema);
      const row = await checkCode(session, "phone-link", code, async (pending) => {
        const answer = await session.diller.otp.verifyLoginOtp({ memberId: pending.memberId, code });
        return answer.is_ok;
      });
      await linkCustomerToMember(db, session, row.memberId, "phone-otp", null);
      await recordActivity(db, {
        shop: session.shop.shop,
        kind: "MEMBER_LINKED",
        customerId: session.customerId,
        detail: "phone confirmed with a one-time code",
        at: now(),
      });
      reads.forgetMember(session.shop.shop, row.memberId);
      return { member: await reads.memberDetail(session, row.memberId) };
    },

    async startPhoneChange(context: StorefrontContext): Promise<OtpSentResponse> {
      const session = await openAccount(deps, context);
      const memberId = requireMemberId(session);
      const { phone } = await context.body(PhoneChangeStartSchema);
      const e164 = e164Of(phone);
      const split = splitE164(e164);
      if (!split) throw StorefrontHttpError.invalidInput({ phone: "invalid_phone" });
      const { sendsLeft } = await limits.reserveSend(session.shop.shop, session.customerId, "phone-change", {
        memberId,
        phone: e164,
      });
      try {
        await session.diller.otp.startPhoneChange({ memberId, phone: split });
      } catch (error) {
        // E.g. another member has this number.
        if (error instanceof DillerValidationError) throw StorefrontHttpError.invalidInput({ phone: "invalid_phone" });
        throw error;
      }
      await limits.markSent(session.shop.shop, session.customerId, "phone-change");
      return { maskedPhone: maskPhone(split), sendsLeft };
    },

    async confirmPhoneChange(context: StorefrontContext): Promise<MemberDetailResponse> {
      const session = await openAccount(deps, context);
      const memberId = requireMemberId(session);
      const { phone, code } = await context.body(PhoneChangeConfirmSchema);
      const e164 = e164Of(phone);
      const split = splitE164(e164);
      await checkCode(session, "phone-change", code, async (pending) => {
        // The code belongs to one member and one new number; anything else is a fresh start.
        if (pending.memberId !== memberId) throw new StorefrontHttpError("otp_expired");
        if (pending.phone !== e164 || !split) throw StorefrontHttpError.invalidInput({ phone: "invalid_phone" });
        const answer = await session.diller.otp.confirmPhoneChange({ memberId, phone: split, code });
        return answer.is_ok;
      });
      reads.forgetMember(session.shop.shop, memberId);
      return { member: await reads.memberDetail(session, memberId) };
    },
  };
}
