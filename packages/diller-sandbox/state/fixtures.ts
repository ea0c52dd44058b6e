/** Fixed ids and credentials of the seeded stores and members (obviously fake, stable across restarts). */

export const DEMO_STORE_ID = "d0d0cafe-5a4d-4b0c-8e11-000000000001";
export const DEMO_API_KEY = "sandbox-demo-api-key-0123456789abcdef";

/** A second store the demo credentials must not reach (403), for store-isolation tests. */
export const SECOND_STORE_ID = "d0d0cafe-5a4d-4b0c-8e11-000000000002";
export const SECOND_STORE_API_KEY = "sandbox-second-store-api-key-fedcba9876543210";

export const DEMO_MEMBERS = {
  /** Silver, every consent, coupons, stamps, dependents, invited friends, one earlier purchase. */
  kari: "7a1f0c2e-0001-4e5b-9d3c-5a4db0c0de01",
  /** Gold, no save_order_history (transactions keep no lines). */
  ola: "7a1f0c2e-0002-4e5b-9d3c-5a4db0c0de02",
  /** Enrolled at a POS, has not accepted GDPR yet; activation token below. */
  pending: "7a1f0c2e-0003-4e5b-9d3c-5a4db0c0de03",
  /** New Bronze member with only a welcome coupon. */
  lise: "7a1f0c2e-0004-4e5b-9d3c-5a4db0c0de04",
} as const;

export const DEMO_ACTIVATION_TOKEN = "demo-activation-token-0003";
export const DEMO_INVITATION_TOKEN = "demo-invitation-token-kari-1";
export const SECOND_STORE_MEMBER_ID = "7a1f0c2e-0101-4e5b-9d3c-5a4db0c0de11";
