/**
 * What admin loaders and actions send to the browser: plain, JSON-safe shapes (dates as ISO
 * strings), never a secret. Server modules build them; the pages' components render them.
 */
import type { Message } from "~/i18n/translate";

export type { DayFigures } from "./activity-series";
export type { FieldErrors } from "./forms";

/** A failed Diller read: what happened and what to do next, plus a reference for support. */
export interface DillerProblem {
  message: Message;
  /** Our correlation id (and Diller's request id when known), for Diller support. */
  reference?: string;
}

/** What the browser may know about a shop's connection: never the key, only its masked tail. */
export interface ConnectionView {
  connected: boolean;
  environment: string;
  customBaseUrl: string | null;
  storeId: string | null;
  apiKeyMasked: string | null;
  /** The saved key cannot be decrypted (the encryption key it was sealed with is gone). */
  apiKeyUnreadable: boolean;
  connectedAt: string | null;
  /** The shop's currency from Shopify (read at setup); null until known. */
  shopCurrency: string | null;
}

/** The parts of Diller's store profile the admin shows. */
export interface StoreSummary {
  id: string;
  name: string | null;
  currency: string | null;
  pointsEnabled: boolean;
  pointsPerCurrencyUnit: number | null;
  signupPoints: number | null;
  referralPoints: number | null;
  stampsEnabled: boolean;
  referralEnabled: boolean;
  privacyPolicyUrl: string | null;
  timeZone: string | null;
}

export type ConnectionCheck = { ok: true; store: StoreSummary } | ({ ok: false; problem: string } & DillerProblem);

export interface DepartmentOption {
  id: string;
  name: string;
}

/** The settings as the form shows them. */
export interface SettingsValues {
  integrationEnabled: boolean;
  orderTrigger: "PAID" | "FULFILLED";
  includeShipping: boolean;
  guestEnrollment: boolean;
  sendTestOrders: boolean;
  loyaltyFactsOnCustomers: boolean;
  levelTags: boolean;
  currencyMismatch: "SKIP" | "SEND";
  membershipConsentText: string;
  marketingConsentText: string;
  discountCodePrefix: string;
  discountCombinesWithProduct: boolean;
  discountCombinesWithOrder: boolean;
  discountCombinesWithShipping: boolean;
  departmentId: string;
}

export type OrderState = "PENDING" | "SENT" | "CANCELLED" | "SKIPPED" | "FAILED";

export interface OrderRowView {
  id: string;
  orderId: string;
  orderName: string | null;
  state: OrderState;
  reason: string | null;
  lastError: string | null;
  attempts: number;
  externalId: string | null;
  updatedAt: string;
}

export interface BackfillView {
  id: string;
  state: "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";
  since: string;
  total: number | null;
  examined: number;
  enqueued: number;
  /** 0–100, or null while the total is unknown. */
  percent: number | null;
  /** Why the run stopped (FAILED or CANCELLED). */
  error: Message | null;
  startedAt: string;
  finishedAt: string | null;
  resumable: boolean;
}

export interface MemberLinkView {
  customerId: string;
  state: string;
  linkedBy: string | null;
  membershipConsent: boolean;
  marketingConsent: boolean;
  updatedAt: string;
}

export interface MemberView {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  points: number | null;
  level: string | null;
  nextLevel: string | null;
  pointsToNextLevel: number | null;
  levelExpires: string | null;
  consents: { membership: boolean; orderHistory: boolean; sms: boolean; email: boolean };
  coupons: {
    code: string;
    title: string;
    validTo: string;
    timesRedeemed: number | null;
    maxRedemptions: number | null;
  }[];
  stampCards: { title: string; collected: number; required: number | null }[];
  links: MemberLinkView[];
  /** Coupons or stamp cards could not be read; the rest is shown. */
  partialProblem: DillerProblem | null;
}

/** A customer whose sync with Diller failed after its last attempt (dashboard, "Needs attention"). */
export interface FailedCustomerView {
  customerId: string;
  reason: string | null;
  lastError: string | null;
  updatedAt: string;
}

/** Dead-lettered jobs the dashboard can run again. */
export type RetryableJob = "customer-sync" | "customer-facts" | "reconcile";

export interface DeadJobView {
  id: string;
  name: RetryableJob;
  /** The customer id, or "" for shop-wide jobs. */
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}
