import { z } from "zod";

import { Connection, LegacyId, MoneyBag } from "./schema-parts";

export const Refund = z.object({
  legacyResourceId: LegacyId,
  createdAt: z.string().nullish(),
  processedAt: z.string().nullish(),
  note: z.string().nullish(),
  refundLineItems: Connection(
    z.object({
      quantity: z.number().int(),
      restockType: z.string().nullish(),
      subtotalSet: MoneyBag,
      totalTaxSet: MoneyBag,
      lineItem: z.object({ id: z.string() }),
    }),
  ),
  orderAdjustments: Connection(z.object({ reason: z.string().nullish(), amountSet: MoneyBag, taxAmountSet: MoneyBag })),
  refundShippingLines: Connection(
    z.object({
      shippingLine: z.object({ id: z.string().nullish() }).nullish(),
      subtotalAmountSet: MoneyBag,
      taxAmountSet: MoneyBag,
    }),
  ),
  transactions: Connection(
    z.object({
      kind: z.string().nullish(),
      status: z.string().nullish(),
      gateway: z.string().nullish(),
      amountSet: MoneyBag,
      location: z.object({ legacyResourceId: LegacyId }).nullish(),
    }),
  ),
});

export type RefundValue = z.infer<typeof Refund>;
