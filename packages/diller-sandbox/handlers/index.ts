/** Every Retailer API operation of the contract, by operationId (the type makes a missing one a compile error). */
import { type HandlerTable } from "./context";
import { couponHandlers } from "./coupons";
import { dependentHandlers } from "./dependents";
import { invitationHandlers } from "./invitations";
import { memberHandlers } from "./members";
import { nonEligibleHandlers } from "./non-eligible";
import { otpHandlers } from "./otp";
import { stampCardHandlers } from "./stamp-cards";
import { storeHandlers } from "./stores";
import { transactionHandlers } from "./transactions";

export const handlers: HandlerTable = {
  ...storeHandlers,
  ...memberHandlers,
  ...otpHandlers,
  ...dependentHandlers,
  ...couponHandlers,
  ...stampCardHandlers,
  ...transactionHandlers,
  ...invitationHandlers,
  ...nonEligibleHandlers,
};

export type { Handler, HandlerContext, HandlerTable } from "./context";
