import type { operations, paths } from "@diller/diller-contract";
import type { RetryClass } from "./retry-policy.server";

/**
 * Every API operation of the contract with its method, path template and retry class. The
 * catalogue must list exactly the contract's operation ids (`satisfies Record<…>`), and
 * `schemas.server.test-d.ts` checks that each method/path pair is the contract's operation of that
 * id. Why each operation has its retry class is explained in docs/diller.md ("Retries").
 */

export type DillerOperationId = Exclude<keyof operations, "requestAccessToken">;
export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface OperationSpec {
  method: HttpMethod;
  path: keyof paths;
  retry: RetryClass;
  /** The contract declares no success body; whatever comes back is ignored. */
  noResponseBody?: true;
}

const STORE = "/api/v2.0/stores/{storeId}";
const MEMBER = `${STORE}/members/{memberId}`;

export const DILLER_OPERATIONS = {
  // Stores, departments, segments, levels
  getAll: { method: "GET", path: "/api/v2.0/stores", retry: "idempotent" },
  get: { method: "GET", path: STORE, retry: "idempotent" },
  getDepartments: { method: "GET", path: `${STORE}/departments`, retry: "idempotent" },
  createDepartment: { method: "POST", path: `${STORE}/departments`, retry: "unsafe" },
  getSegments: { method: "GET", path: `${STORE}/segments`, retry: "idempotent" },
  getStoreMembershipLevel: { method: "GET", path: `${STORE}/membership-level`, retry: "idempotent" },
  // Members
  registerMember: { method: "POST", path: `${STORE}/members`, retry: "unsafe" },
  enrollMember: { method: "POST", path: `${STORE}/members/enroll`, retry: "unsafe" },
  getMemberByFilter: { method: "GET", path: `${STORE}/members/search`, retry: "idempotent" },
  getMemberById: { method: "GET", path: MEMBER, retry: "idempotent" },
  updateMember: { method: "PUT", path: MEMBER, retry: "idempotent" },
  deleteMember: { method: "DELETE", path: MEMBER, retry: "idempotent" },
  getWidgetProfile: { method: "GET", path: `${MEMBER}/widgets/profile`, retry: "idempotent" },
  getDependents: { method: "GET", path: `${MEMBER}/dependents`, retry: "idempotent" },
  updateDependents: { method: "POST", path: `${MEMBER}/dependents`, retry: "unsafe", noResponseBody: true },
  // One-time codes and phone change
  loginOTP: { method: "POST", path: `${MEMBER}/login-otp`, retry: "unsafe" },
  loginOtpVerification: { method: "POST", path: `${MEMBER}/login-otp-verification`, retry: "unsafe" },
  resetPhone: { method: "POST", path: `${MEMBER}/reset-phone`, retry: "unsafe" },
  resetPhoneVerification: { method: "POST", path: `${MEMBER}/reset-phone-verification`, retry: "unsafe" },
  // Coupons
  getStoreCoupons: { method: "GET", path: `${STORE}/coupons`, retry: "idempotent" },
  getMemberCoupons: { method: "GET", path: `${MEMBER}/coupons`, retry: "idempotent" },
  validateCoupon: { method: "GET", path: `${MEMBER}/coupons/{couponCode}/validate`, retry: "idempotent" },
  reserveCoupon: { method: "POST", path: `${MEMBER}/coupons/{couponCode}/reserve`, retry: "unsafe" },
  cancelCouponReservation: {
    method: "POST",
    path: `${MEMBER}/coupons/{couponCode}/cancel-reservation`,
    retry: "idempotent",
  },
  // Stamp cards
  getStoreStamps: { method: "GET", path: `${STORE}/stamp-cards`, retry: "idempotent" },
  getMemberStampCards: { method: "GET", path: `${MEMBER}/stamp-cards`, retry: "idempotent" },
  reserveStamp: { method: "POST", path: `${MEMBER}/stamp-cards/{stampId}/reserve`, retry: "unsafe" },
  cancelStampReservation: {
    method: "POST",
    path: `${MEMBER}/stamp-cards/{stampId}/cancel-reservation`,
    retry: "idempotent",
  },
  // Transactions
  createTransaction: { method: "POST", path: `${MEMBER}/transactions`, retry: "deduplicated" },
  createRefundTransaction: {
    method: "POST",
    path: `${MEMBER}/transactions/{transactionId}/refund`,
    retry: "unsafe",
  },
  cancelTransaction: {
    method: "POST",
    path: `${STORE}/transactions/{externalTransactionId}/cancel`,
    retry: "idempotent",
  },
  // Invitations
  getInvitedFriends: { method: "GET", path: `${MEMBER}/invited-friends`, retry: "idempotent" },
  getReferrals: { method: "GET", path: `${MEMBER}/invited-friend`, retry: "idempotent" },
  // Non-eligible products
  getNonEligibleProducts: { method: "GET", path: `${STORE}/non-eligible-products`, retry: "idempotent" },
  addBatchNonEligibleProducts: { method: "POST", path: `${STORE}/non-eligible-products`, retry: "unsafe" },
  updateBatchNonEligibleProducts: { method: "PUT", path: `${STORE}/non-eligible-products`, retry: "idempotent" },
  deleteNonEligibleProduct: {
    method: "DELETE",
    path: `${STORE}/non-eligible-products/{nonEligibleProductId}`,
    retry: "idempotent",
  },
} as const satisfies Record<DillerOperationId, OperationSpec>;

/** The token endpoint and discovery document, for logs (they are not API operations). */
export const TOKEN_OPERATION = { id: "requestAccessToken", method: "POST", path: "/connect/token" } as const;
export const DISCOVERY_OPERATION = {
  id: "discovery",
  method: "GET",
  path: "/.well-known/openid-configuration",
} as const;

type ParametersOf<Id extends DillerOperationId> = operations[Id]["parameters"];

/** Path parameters of an operation, except `storeId`, which the client fills in. */
export type PathParamsOf<Id extends DillerOperationId> =
  ParametersOf<Id> extends { path: infer Path } ? Omit<Path, "storeId"> : Record<string, never>;

export type QueryOf<Id extends DillerOperationId> =
  ParametersOf<Id> extends { query?: infer Query } ? ([Query] extends [never] ? undefined : Query) : undefined;

export type RequestBodyOf<Id extends DillerOperationId> = operations[Id] extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : undefined;
