import type { AccountOtp, Database } from "~/db.server";
import { StorefrontHttpError } from "~/storefront/errors.server";

export type OtpPurpose = "phone-link" | "phone-change";

/** Codes one customer may have sent per purpose within an hour (each is an SMS someone pays for). */
export const OTP_SENDS_PER_HOUR = 3;
/** Wrong tries per code; then the code is dead and a new one must be sent. */
export const OTP_MAX_WRONG_TRIES = 5;
/** How long the app accepts a code after sending it (Diller's own limit is assumed to be the same). */
export const OTP_TTL_MS = 5 * 60_000;
const SEND_WINDOW_MS = 60 * 60_000;

/**
 * Limits on a customer's one-time codes, kept in AccountOtp so they hold across processes. Diller
 * sends and checks the codes; this remembers for which member and number a code was sent, counts
 * sends per hour and wrong tries per code, and knows when a code expired.
 */
export function createOtpLimits(db: Database, now: () => Date) {
  const key = (shop: string, customerId: string, purpose: OtpPurpose) => ({
    shop_customerId_purpose: { shop, customerId, purpose },
  });

  function secondsUntilNextSend(row: AccountOtp): number {
    const windowEnds = row.windowStartAt.getTime() + SEND_WINDOW_MS;
    if (row.sendsInWindow < OTP_SENDS_PER_HOUR || windowEnds <= now().getTime()) return 1;
    return (windowEnds - now().getTime()) / 1000;
  }

  return {
    /**
     * Counts a send before it happens (an SMS that may have gone out counts even if Diller's answer
     * is lost) and points the pending code at `target`. 429 when the hour's sends are used up.
     */
    async reserveSend(
      shop: string,
      customerId: string,
      purpose: OtpPurpose,
      target: { memberId: string; phone: string },
    ): Promise<{ sendsLeft: number }> {
      const at = now();
      const fresh = { ...target, sentAt: null, expiresAt: null, wrongTries: 0 };
      const row = await db.accountOtp.findUnique({ where: key(shop, customerId, purpose) });
      if (!row) {
        await db.accountOtp.create({
          data: { shop, customerId, purpose, ...fresh, windowStartAt: at, sendsInWindow: 1 },
        });
        return { sendsLeft: OTP_SENDS_PER_HOUR - 1 };
      }
      const windowOver = row.windowStartAt.getTime() + SEND_WINDOW_MS <= at.getTime();
      const claimed = await db.accountOtp.updateMany({
        where: windowOver
          ? { id: row.id, windowStartAt: row.windowStartAt }
          : { id: row.id, windowStartAt: row.windowStartAt, sendsInWindow: { lt: OTP_SENDS_PER_HOUR } },
        data: windowOver
          ? { ...fresh, windowStartAt: at, sendsInWindow: 1 }
          : { ...fresh, sendsInWindow: { increment: 1 } },
      });
      if (claimed.count === 0) throw StorefrontHttpError.rateLimited(secondsUntilNextSend(row));
      return { sendsLeft: windowOver ? OTP_SENDS_PER_HOUR - 1 : OTP_SENDS_PER_HOUR - row.sendsInWindow - 1 };
    },

    async markSent(shop: string, customerId: string, purpose: OtpPurpose): Promise<void> {
      const at = now();
      await db.accountOtp.update({
        where: key(shop, customerId, purpose),
        data: { sentAt: at, expiresAt: new Date(at.getTime() + OTP_TTL_MS) },
      });
    },

    /**
     * The live code's target, before asking Diller: 429 when the code is dead from wrong tries,
     * 422 `otp_expired` when it expired or none was sent.
     */
    async pendingCode(shop: string, customerId: string, purpose: OtpPurpose): Promise<AccountOtp> {
      const row = await db.accountOtp.findUnique({ where: key(shop, customerId, purpose) });
      if (row && row.wrongTries >= OTP_MAX_WRONG_TRIES)
        throw StorefrontHttpError.rateLimited(secondsUntilNextSend(row));
      if (!row?.expiresAt || row.expiresAt.getTime() <= now().getTime()) throw new StorefrontHttpError("otp_expired");
      return row;
    },

    /** A wrong code: 422 `otp_wrong_code`, or 429 when that was the last try of this code. */
    async wrongCode(row: AccountOtp): Promise<never> {
      await db.accountOtp.update({ where: { id: row.id }, data: { wrongTries: { increment: 1 } } });
      const current = await db.accountOtp.findUnique({ where: { id: row.id } });
      if (current && current.wrongTries >= OTP_MAX_WRONG_TRIES) {
        throw StorefrontHttpError.rateLimited(secondsUntilNextSend(current));
      }
      throw new StorefrontHttpError("otp_wrong_code");
    },

    /** The code was right: it is spent. */
    async spent(row: AccountOtp): Promise<void> {
      await db.accountOtp.update({ where: { id: row.id }, data: { expiresAt: null, wrongTries: 0 } });
    },
  };
}

export type OtpLimits = ReturnType<typeof createOtpLimits>;
