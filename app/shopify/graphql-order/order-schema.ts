import { z } from "zod";

import { DiscountApplication, LineItem, ShippingLine } from "./line-schemas";
import { Refund } from "./refund-schema";
import { Address, Connection, LegacyId, MoneyBag, TaxLine } from "./schema-parts";

/** One DillerReconcileOrders node (app/shopify/admin.graphql.ts), only the fields the sync engine reads. */
export const GraphqlOrderSchema = z.object({
  id: z.string(),
  legacyResourceId: LegacyId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  test: z.boolean().nullish(),
  createdAt: z.string().nullish(),
  processedAt: z.string().nullish(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullish(),
  currencyCode: z.string(),
  presentmentCurrencyCode: z.string().nullish(),
  taxesIncluded: z.boolean().nullish(),
  displayFinancialStatus: z.string().nullish(),
  displayFulfillmentStatus: z.string().nullish(),
  paymentGatewayNames: z.array(z.string()).nullish(),
  discountCodes: z.array(z.string()).nullish(),
  sourceName: z.string().nullish(),
  /** Null without the read_locations scope (Shopify answers the rest of the order). */
  retailLocation: z.object({ legacyResourceId: LegacyId }).nullish(),
  customer: z
    .object({
      legacyResourceId: LegacyId,
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      defaultEmailAddress: z.object({ emailAddress: z.string() }).nullish(),
      defaultPhoneNumber: z.object({ phoneNumber: z.string() }).nullish(),
    })
    .nullish(),
  billingAddress: Address,
  shippingAddress: Address,
  totalPriceSet: MoneyBag,
  subtotalPriceSet: MoneyBag,
  totalTaxSet: MoneyBag,
  totalDiscountsSet: MoneyBag,
  totalShippingPriceSet: MoneyBag,
  totalTipReceivedSet: MoneyBag,
  totalOutstandingSet: MoneyBag,
  currentTotalPriceSet: MoneyBag,
  originalTotalDutiesSet: MoneyBag,
  originalTotalAdditionalFeesSet: MoneyBag,
  taxLines: z.array(TaxLine).nullish(),
  discountApplications: Connection(DiscountApplication),
  lineItems: Connection(LineItem),
  shippingLines: Connection(ShippingLine),
  refunds: z.array(Refund).nullish(),
  metafield: z.object({ value: z.string() }).nullish(),
});

export type GraphqlOrder = z.infer<typeof GraphqlOrderSchema>;
