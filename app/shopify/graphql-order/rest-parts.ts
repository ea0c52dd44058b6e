import type { AddressValue, AllocationValue, MoneyBagValue, TaxLineValue } from "./schema-parts";

/** REST payload fragments shared by orders, lines and refunds. */

export const gidTail = (gid: string) => gid.split("/").pop() ?? gid;

export const lower = (value: string | null | undefined) => (value ? value.toLowerCase() : null);

export const shopAmount = (bag: MoneyBagValue) => bag?.shopMoney.amount ?? null;

export function restMoney(bag: MoneyBagValue) {
  if (!bag) return null;
  const presentment = bag.presentmentMoney ?? bag.shopMoney;
  return {
    shop_money: { amount: bag.shopMoney.amount, currency_code: bag.shopMoney.currencyCode },
    presentment_money: { amount: presentment.amount, currency_code: presentment.currencyCode },
  };
}

export function restTaxLines(lines: TaxLineValue[] | null | undefined) {
  return (lines ?? []).map((line) => ({
    title: line.title ?? null,
    rate: line.rate ?? null,
    price: shopAmount(line.priceSet),
    price_set: restMoney(line.priceSet),
  }));
}

export function restAllocations(allocations: AllocationValue[] | null | undefined) {
  return (allocations ?? []).map((allocation) => ({
    amount: shopAmount(allocation.allocatedAmountSet),
    amount_set: restMoney(allocation.allocatedAmountSet),
    discount_application_index: allocation.discountApplication?.index ?? null,
  }));
}

export function restAddress(address: AddressValue) {
  if (!address) return null;
  return {
    first_name: address.firstName ?? null,
    last_name: address.lastName ?? null,
    address1: address.address1 ?? null,
    address2: address.address2 ?? null,
    city: address.city ?? null,
    zip: address.zip ?? null,
    province_code: address.provinceCode ?? null,
    country_code: address.countryCodeV2 ?? null,
    phone: address.phone ?? null,
  };
}
