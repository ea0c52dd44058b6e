import type { components } from "@diller/diller-contract";

import type { ProductInfo } from "~/shopify/admin-gateway";

import type { Origin } from "./origin";

type Schemas = components["schemas"];

export type DillerPaymentDetail = Required<Schemas["PaymentDetails"]>;

export interface TransactionMappingOptions {
  /** Chosen by the sync engine: stable per order (and per remainder). */
  externalId: string;
  /** Channel and department the purchase is booked under (`orderOrigin`); no department → no department fields. */
  origin: Origin;
  /** e.g. "shopify:<shop>.myshopify.com" */
  systemId: string;
  /** Merchant setting: shipping as its own line (and part of `total`). */
  includeShipping: boolean;
  /** Keyed by variant id, else product id (numeric text or GID). */
  products?: ReadonlyMap<string, ProductInfo>;
  /** Diller coupon codes redeemed on this order. */
  couponCodes?: string[];
  /** Per-gateway amounts in shop currency, when known from the order's transactions. */
  payments?: { gateway: string; amount: string }[];
}

export type RefundMappingOptions = Pick<
  TransactionMappingOptions,
  "externalId" | "origin" | "systemId" | "includeShipping" | "products"
>;

/** `T` with the keys `K` made required. */
type WithRequired<T, K extends keyof T> = Omit<T, K> & Required<Pick<T, K>>;

export type DillerProduct = WithRequired<Schemas["ProductDetail"], "external_id" | "name">;

type RequiredLineFields = "quantity" | "unit_price" | "tax_percentage" | "discount" | "total_price";

export type DillerTransactionDetail = Omit<
  WithRequired<Schemas["TransactionDetailRequest"], RequiredLineFields>,
  "product"
> & { product: DillerProduct };

export type DillerRefundDetail = Omit<WithRequired<Schemas["RefundDetailRequest"], RequiredLineFields>, "product"> & {
  product: DillerProduct;
};

type RequiredBodyFields =
  | "external_id"
  | "external_receipt_id"
  | "created_at"
  | "total"
  | "total_tax"
  | "total_discount"
  | "currency"
  | "round_off_amount";

type RequiredOrigin = WithRequired<Schemas["Origin"], "system_id" | "channel">;

/** createTransaction body with every field this app always sends. */
export type DillerTransactionBody = Omit<
  WithRequired<Schemas["CreateTransactionRequest"], RequiredBodyFields | "send_email_receipt" | "coupon_codes">,
  "details" | "payment_details" | "origin"
> & { details: DillerTransactionDetail[]; payment_details: DillerPaymentDetail[]; origin: RequiredOrigin };

/** createRefundTransaction body with every field this app always sends. */
export type DillerRefundBody = Omit<
  WithRequired<Schemas["CreateRefundTransactionRequest"], RequiredBodyFields | "reason">,
  "details" | "payment_details" | "origin"
> & { details: DillerRefundDetail[]; payment_details: DillerPaymentDetail[]; origin: RequiredOrigin };

/** Where a Diller line came from, parallel to `body.details`. */
export type LineSource =
  { kind: "line_item"; lineItemId: string } | { kind: "shipping_line"; shippingLineId: string | null };

/** Exact decimal text (shop currency) of the amounts sent as doubles. */
export interface ExactAmounts {
  currency: string;
  total: string;
  totalTax: string;
  totalDiscount: string;
  roundOff: string;
}

/** Metadata of one Diller line, parallel to `body.details`. */
export interface MappedLine {
  source: LineSource;
  /** Exact amount paid for the line incl. tax (total_price differs from it only by unit-price rounding). */
  paid: string;
}

interface MappingMetadata {
  amounts: ExactAmounts;
  lines: MappedLine[];
  /** Data problems worth a look (disagreeing fields, guesses made). Ids and amounts only, no customer data. */
  warnings: string[];
}

export interface MappedTransaction extends MappingMetadata {
  body: DillerTransactionBody;
  /** What the buyer paid for gift cards: not a loyalty purchase, left out of `total`. */
  excludedGiftCardTotal: string;
  /** Everything Shopify charged that is not in `total`, by kind (shop currency). */
  excluded: { giftCards: string; shipping: string; tips: string; duties: string; additionalFees: string };
  /** Shopify's own `total_price` (shop money), for comparison; null when absent. */
  reportedTotal: string | null;
}

export interface MappedRefund extends MappingMetadata {
  body: DillerRefundBody;
}

/** Compile-time proof that the bodies we build are bodies the contract accepts. */
type Fits<T extends U, U> = T;
export type TransactionBodyFitsContract = Fits<DillerTransactionBody, Schemas["CreateTransactionRequest"]>;
export type RefundBodyFitsContract = Fits<DillerRefundBody, Schemas["CreateRefundTransactionRequest"]>;
