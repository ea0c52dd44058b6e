import type { ProductInfo } from "~/shopify/admin-gateway";
import type { ShopifyLineItem } from "~/shopify/payloads/line-item";

import { parseGtin } from "./gtin";
import type { DillerProduct } from "./types";

/** Enrichment for a line: by variant id, else product id; keys may be numeric ids or GIDs. */
export function productInfoFor(
  line: ShopifyLineItem,
  products: ReadonlyMap<string, ProductInfo> | undefined,
): ProductInfo | undefined {
  if (!products) return undefined;
  const keys = [
    line.variant_id,
    line.variant_id && `gid://shopify/ProductVariant/${line.variant_id}`,
    line.product_id,
    line.product_id && `gid://shopify/Product/${line.product_id}`,
  ];
  for (const key of keys) {
    const info = key ? products.get(key) : undefined;
    if (info) return info;
  }
  return undefined;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Diller product of a Shopify line. `external_id` is variant-level (the variant id; a product without variants still
 * has one), falling back to the product id and then the line id for custom items. The GTIN comes only from the
 * variant barcode and only when it validates (see gtin.ts).
 */
export function productDetail(line: ShopifyLineItem, info: ProductInfo | undefined): DillerProduct {
  const variantTitle = text(line.variant_title);
  const title = text(line.title);
  const name =
    [title, variantTitle === "Default Title" ? undefined : variantTitle].filter(Boolean).join(" - ") ||
    text(line.name) ||
    `Line item ${line.id}`;
  const product: DillerProduct = { external_id: line.variant_id ?? line.product_id ?? line.id, name };
  const sku = text(line.sku);
  if (sku) product.sku = sku;
  const brand = text(line.vendor) ?? text(info?.vendor);
  if (brand) product.brand = brand;
  const category = text(info?.productType);
  if (category) product.category = { name: category };
  const gtin = parseGtin(info?.barcode);
  if (gtin) product.gtin = gtin;
  return product;
}

/** The synthetic product of a shipping line. */
export function shippingProduct(title: string): DillerProduct {
  return { external_id: "shipping", name: title };
}
