import type { AccountDeps } from "./deps.server";
import { createLoyaltyPage } from "./loyalty.server";
import { createMembership } from "./membership.server";
import { createOtpLimits } from "./otp-limits.server";
import { createPhoneFlows } from "./phone.server";
import { createAccountReads } from "./reads.server";

/**
 * The customer-account routes' services (packages/storefront-contract, "customer account"). Each
 * method takes the storefront request context (shop from the token's `dest`, customer from `sub`)
 * and answers the contract's body or throws a `StorefrontHttpError`.
 */
export function createAccountService(deps: AccountDeps) {
  const now = deps.now ?? (() => new Date());
  const reads = createAccountReads({ db: deps.db, storeReads: deps.storeReads, now });
  const page = createLoyaltyPage(deps, reads, now);
  const membership = createMembership(deps, reads, now);
  const phone = createPhoneFlows(deps, reads, createOtpLimits(deps.db, now), now);
  return {
    loyalty: page.loyalty,
    orderPoints: page.orderPoints,
    join: membership.join,
    updateProfile: membership.updateProfile,
    leave: membership.leave,
    sendPhoneLinkCode: phone.sendLinkCode,
    verifyPhoneLinkCode: phone.verifyLinkCode,
    startPhoneChange: phone.startPhoneChange,
    confirmPhoneChange: phone.confirmPhoneChange,
    /** Drops the members' cached Diller data (tests). */
    clearMemberCache: reads.clearMembers,
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
