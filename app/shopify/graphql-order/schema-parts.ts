import { z } from "zod";

/** The building blocks the reconciliation query's order node is made of. */

const Money = z.object({ amount: z.string(), currencyCode: z.string() });
export const MoneyBag = z.object({ shopMoney: Money, presentmentMoney: Money.nullish() }).nullish();
export const TaxLine = z.object({ title: z.string().nullish(), rate: z.number().nullish(), priceSet: MoneyBag });
export const Allocation = z.object({
  allocatedAmountSet: MoneyBag,
  discountApplication: z.object({ index: z.number().int() }).nullish(),
});
export const Address = z
  .object({
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    address1: z.string().nullish(),
    address2: z.string().nullish(),
    city: z.string().nullish(),
    zip: z.string().nullish(),
    provinceCode: z.string().nullish(),
    countryCodeV2: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .nullish();
export const Connection = <T extends z.ZodType>(node: T) => z.object({ nodes: z.array(node) }).nullish();
export const LegacyId = z.union([z.string(), z.number()]).transform(String);

export type MoneyBagValue = z.infer<typeof MoneyBag>;
export type TaxLineValue = z.infer<typeof TaxLine>;
export type AllocationValue = z.infer<typeof Allocation>;
export type AddressValue = z.infer<typeof Address>;
