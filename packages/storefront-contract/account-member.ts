import type { ConsentConfig, CouponView } from "./shared";

/** The member as the customer-account extensions edit and show it (authenticate.public.customerAccount). */

export type Gender = "male" | "female" | "non_binary" | "not_shared";

export interface PhoneInput {
  /** With the plus sign: "+47". */
  countryCode: string;
  number: string;
}

export interface AddressInput {
  street: string;
  city: string;
  zipCode: string;
  countryCode: string;
}

export type SegmentType = "text" | "date" | "radio" | "checkbox" | "dropdown";

export interface SegmentField {
  id: string;
  label: string;
  type: SegmentType;
  required: boolean;
  /** radio, checkbox, dropdown. */
  options: { id: string; label: string }[];
}

export interface SegmentAnswer {
  id: string;
  /** text: the text; date: YYYY-MM-DD. */
  value?: string;
  /** radio/dropdown: one option id; checkbox: any number. */
  optionIds?: string[];
}

export interface MemberConsents {
  /** Membership / GDPR consent. Required to be a member. */
  membership: boolean;
  marketingEmail: boolean;
  marketingSms: boolean;
  /** Diller's "save order history". */
  keepOrderHistory: boolean;
}

export interface MemberProfile {
  firstName: string;
  lastName: string;
  email: string;
  phone: PhoneInput | null;
  /** YYYY-MM-DD */
  birthDate: string | null;
  gender: Gender | null;
  address: AddressInput | null;
}

export interface StampCardView {
  id: string;
  title: string;
  description: string | null;
  collected: number;
  required: number;
  imageUrl: string | null;
}

export interface LoyaltyActivity {
  /** Shopify order name ("#1001"). */
  orderName: string | null;
  at: string;
  kind: "purchase" | "return" | "cancellation";
  amount: string | null;
  /** Estimated from the store's points ratio; null when unknown. */
  points: number | null;
}

export interface MemberDetail {
  profile: MemberProfile;
  consents: MemberConsents;
  points: number;
  levelTitle: string | null;
  nextLevelTitle: string | null;
  /** Points still needed for the next level; null at the top level. */
  pointsToNextLevel: number | null;
  /** 0..1 progress toward the next level; null when unknown. */
  levelProgress: number | null;
  levelExpiresAt: string | null;
  segments: SegmentAnswer[];
  coupons: CouponView[];
  stampCards: StampCardView[];
  recentActivity: LoyaltyActivity[];
}

export interface JoinForm {
  /** Prefilled from the Shopify customer. */
  prefill: Partial<MemberProfile>;
  /** Visible segments of the store, in Diller's order (invisible ones are never sent). */
  segments: SegmentField[];
  consent: ConsentConfig;
}
