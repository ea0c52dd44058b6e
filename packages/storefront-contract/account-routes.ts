import type {
  JoinForm,
  MemberConsents,
  MemberDetail,
  MemberProfile,
  PhoneInput,
  SegmentAnswer,
} from "./account-member";

/** Requests and answers of the customer-account routes (authenticate.public.customerAccount). */

/**
 * GET /api/account/loyalty
 * - member: the whole picture, plus the form definition for editing;
 * - not_member: the join form;
 * - phone_match: a member with this customer's phone exists but the e-mail does not match; offer
 *   "send me a code" (POST /api/account/phone-link/send) before anything is linked.
 */
export type AccountLoyaltyResponse =
  | { status: "member"; member: MemberDetail; form: JoinForm }
  | { status: "not_member"; form: JoinForm }
  | { status: "phone_match"; maskedPhone: string; form: JoinForm };

/** POST /api/account/join — 409 already_member; 422 invalid_input with field errors. */
export interface JoinRequest {
  profile: MemberProfile;
  segments: SegmentAnswer[];
  consents: MemberConsents;
  textVersion: number;
}
/** POST /api/account/profile — edit (phone changes go through the OTP routes, not here). */
export type UpdateProfileRequest = JoinRequest;
/** Both answer the updated picture. */
export interface MemberDetailResponse {
  member: MemberDetail;
}

/** POST /api/account/phone-link/send — sends Diller's login code to the matched member's phone. */
export interface OtpSentResponse {
  maskedPhone: string;
  /** Sends left in the current window. */
  sendsLeft: number;
}
/** POST /api/account/phone-link/verify — links the matched member when the code is right. */
export interface OtpVerifyRequest {
  code: string;
}

/** POST /api/account/phone-change/start — Diller sends a code to the new number. */
export interface PhoneChangeStartRequest {
  phone: PhoneInput;
}
/** POST /api/account/phone-change/confirm — answers MemberDetailResponse. */
export interface PhoneChangeConfirmRequest {
  phone: PhoneInput;
  code: string;
}

/** POST /api/account/leave — deletes the member in Diller and unlinks; answers { left: true }. */
export interface LeaveRequest {
  confirm: true;
  reason?: string;
}
export interface LeaveResponse {
  left: true;
}

/** GET /api/account/order-points?orderId=gid://shopify/Order/… — the order-status block. */
export interface OrderPointsResponse {
  status: "booked" | "pending" | "not_booked";
  /** Estimated points for this order (null when unknown). */
  points: number | null;
}
