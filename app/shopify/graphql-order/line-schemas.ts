import { z } from "zod";

import { Allocation, LegacyId, MoneyBag, TaxLine } from "./schema-parts";

export const DiscountApplication = z.object({
  allocationMethod: z.string().nullish(),
  targetSelection: z.string().nullish(),
  targetType: z.string().nullish(),
  value: z.object({ amount: z.string().optional(), percentage: z.number().optional() }).nullish(),
  code: z.string().nullish(),
});

export const LineItem = z.object({
  id: z.string(),
  title: z.string().nullish(),
  variantTitle: z.string().nullish(),
  name: z.string().nullish(),
  sku: z.string().nullish(),
  vendor: z.string().nullish(),
  quantity: z.number().int(),
  currentQuantity: z.number().int().nullish(),
  isGiftCard: z.boolean().nullish(),
  taxable: z.boolean().nullish(),
  variant: z.object({ legacyResourceId: LegacyId }).nullish(),
  product: z.object({ legacyResourceId: LegacyId }).nullish(),
  originalUnitPriceSet: MoneyBag,
  taxLines: z.array(TaxLine).nullish(),
  discountAllocations: z.array(Allocation).nullish(),
});

export const ShippingLine = z.object({
  id: z.string().nullish(),
  title: z.string().nullish(),
  code: z.string().nullish(),
  source: z.string().nullish(),
  originalPriceSet: MoneyBag,
  discountedPriceSet: MoneyBag,
  taxLines: z.array(TaxLine).nullish(),
  discountAllocations: z.array(Allocation).nullish(),
});

export type DiscountApplicationValue = z.infer<typeof DiscountApplication>;
export type LineItemValue = z.infer<typeof LineItem>;
export type ShippingLineValue = z.infer<typeof ShippingLine>;
