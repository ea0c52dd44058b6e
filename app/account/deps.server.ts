import type { Database, Shop } from "~/db.server";
import type { DillerClient } from "~/diller/client.server";
import type { Logger } from "~/logger.server";
import type { DillerStoreReads } from "~/shops/diller-store-reads.server";
import type { LoyaltyConsent } from "~/shopify/consent";

/** What the account pages ask of Shopify's Admin API (after the Diller side; failures never undo it). */
export interface AccountShopifyPort {
  /** Consent metafield, member tag, and email marketing when given (app/shopify/admin-gateway). */
  storeCustomerConsent(shop: string, customerId: string, consent: LoyaltyConsent & { memberId: string }): Promise<void>;
  /** Removes the loyalty metafield and member tag of a customer who left. */
  clearCustomerLoyalty(shop: string, customerId: string): Promise<void>;
}

export interface AccountDeps {
  db: Database;
  dillerFor: (shop: Shop) => DillerClient;
  /** The app's store reads (shared with the admin, checkout and the order sync). */
  storeReads: DillerStoreReads;
  shopify: AccountShopifyPort;
  logger: Logger;
  now?: () => Date;
}
