import type { ShopifyLineItem } from "~/shopify/payloads/line-item";

import type { DillerTransactionDetail } from "./types";

/** A store stamp card that names the products earning its stamps. */
export interface StampCardRule {
  id: number;
  productIds: readonly string[];
}

/** What the rules need of Diller's store stamp cards (`getStoreStamps`). */
export interface StoreStampCardLike {
  id?: number | null;
  product_ids?: readonly string[] | null;
  card_type?: string | null;
}

/** A stamp movement on a transaction line (the contract's `StampCard`). */
export interface LineStamp {
  stamp_card_id: number;
  action: "collected";
  count: number;
}

/**
 * The cards whose stamps the app reports: those naming products. Threshold cards (a stamp for a purchase
 * above an amount) and cards without products are left to Diller, which sees the whole transaction.
 */
export function stampCardRules(cards: readonly StoreStampCardLike[]): StampCardRule[] {
  return cards.flatMap((card) => {
    const productIds = (card.product_ids ?? []).map((id) => id.trim()).filter(Boolean);
    if (card.id == null || card.card_type === "threshold" || productIds.length === 0) return [];
    return [{ id: card.id, productIds }];
  });
}

/**
 * The ids a stamp card may name for each order line, keyed by the line's Diller `external_id` (see
 * productDetail): variant and product ids (plain and as GIDs) and the SKU.
 */
export function lineProductKeys(lines: readonly ShopifyLineItem[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const line of lines) {
    const externalId = line.variant_id ?? line.product_id ?? line.id;
    const candidates = [
      externalId,
      line.variant_id,
      line.variant_id && `gid://shopify/ProductVariant/${line.variant_id}`,
      line.product_id,
      line.product_id && `gid://shopify/Product/${line.product_id}`,
      line.sku?.trim(),
    ];
    const known = keys.get(externalId) ?? [];
    keys.set(externalId, [...new Set([...known, ...candidates.filter((key): key is string => Boolean(key))])]);
  }
  return keys;
}

/** The stamps one line collects: one per unit on every card naming one of the line's ids. */
export function lineStamps(keys: readonly string[], quantity: number, rules: readonly StampCardRule[]): LineStamp[] {
  if (!Number.isInteger(quantity) || quantity <= 0) return [];
  return rules
    .filter((rule) => rule.productIds.some((id) => keys.includes(id)))
    .map((rule) => ({ stamp_card_id: rule.id, action: "collected" as const, count: quantity }));
}

/**
 * The transaction's lines with the stamps they collect. Only order lines can collect (shipping and other
 * synthetic lines have no product keys). A remainder after a return carries the remaining quantities, so
 * cancelling the original and posting the remainder reverses the stamps of what was returned.
 */
export function withLineStamps<Body extends { details: DillerTransactionDetail[] }>(
  body: Body,
  rules: readonly StampCardRule[],
  keysByExternalId: ReadonlyMap<string, readonly string[]>,
): Body {
  if (rules.length === 0) return body;
  const details = body.details.map((detail) => {
    const keys = keysByExternalId.get(detail.product.external_id);
    const stamps = keys ? lineStamps(keys, detail.quantity, rules) : [];
    return stamps.length > 0 ? { ...detail, stamp_cards: stamps } : detail;
  });
  return { ...body, details };
}
