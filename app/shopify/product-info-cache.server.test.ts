import { describe, expect, it } from "vitest";

import { createLogger } from "~/logger.server";

import type { ProductInfo, ShopifyAdminGateway } from "./admin-gateway";
import { PRODUCT_INFO_TTL_MS, PRODUCT_LOOKUP_PAUSE_MS, withProductInfoCache } from "./product-info-cache.server";

const SHOP = "cache-shop.myshopify.com";
const OTHER_SHOP = "other-shop.myshopify.com";
const CATALOG: Record<string, ProductInfo> = {
  "11": { productType: "Shoes", vendor: "Acme", barcode: "7038010009457" },
  "12": { productType: "Socks", vendor: "Acme", barcode: null },
  "13": { productType: "Hats", vendor: null, barcode: null },
};

function harness() {
  let clock = 1_000_000;
  const asked: { shop: string; variantIds: string[] }[] = [];
  const logged: string[] = [];
  let failing = false;
  let answer: (() => void) | undefined;
  let holdAnswers = false;
  const inner = {
    async productInfo(shop: string, variantIds: string[]) {
      asked.push({ shop, variantIds });
      if (holdAnswers) await new Promise<void>((resolve) => (answer = resolve));
      if (failing) throw new Error("Throttled");
      return new Map(variantIds.flatMap((id) => (CATALOG[id] ? [[id, CATALOG[id]] as const] : [])));
    },
  } as Pick<ShopifyAdminGateway, "productInfo"> as ShopifyAdminGateway;
  const gateway = withProductInfoCache(inner, {
    logger: createLogger({ write: (line) => logged.push(line) }),
    now: () => clock,
  });
  return {
    gateway,
    asked,
    logged,
    advance: (ms: number) => (clock += ms),
    fail: (value: boolean) => (failing = value),
    hold: (value: boolean) => (holdAnswers = value),
    release: () => answer?.(),
  };
}

describe("withProductInfoCache", () => {
  it("asks Shopify once per variant, then answers from memory", async () => {
    const h = harness();
    const first = await h.gateway.productInfo(SHOP, ["11", "12", "11"]);
    const second = await h.gateway.productInfo(SHOP, ["12", "11"]);
    expect(h.asked).toEqual([{ shop: SHOP, variantIds: ["11", "12"] }]);
    expect(Object.fromEntries(first)).toEqual({ "11": CATALOG["11"], "12": CATALOG["12"] });
    expect(Object.fromEntries(second)).toEqual(Object.fromEntries(first));
  });

  it.each([
    { case: "only the variants not yet known", before: ["11"], now: ["11", "13"], asks: ["13"] },
    { case: "nothing for a variant Shopify does not know", before: ["99"], now: ["99", "11"], asks: ["11"] },
    { case: "nothing when every variant is known", before: ["11", "12"], now: ["12"], asks: [] },
  ])("asks $case", async ({ before, now, asks }) => {
    const h = harness();
    await h.gateway.productInfo(SHOP, before);
    const answer = await h.gateway.productInfo(SHOP, now);
    expect(h.asked.slice(1).flatMap((call) => call.variantIds)).toEqual(asks);
    expect([...answer.keys()].sort()).toEqual(now.filter((id) => CATALOG[id]).sort());
  });

  it("keeps shops apart", async () => {
    const h = harness();
    await h.gateway.productInfo(SHOP, ["11"]);
    await h.gateway.productInfo(OTHER_SHOP, ["11"]);
    expect(h.asked.map((call) => call.shop)).toEqual([SHOP, OTHER_SHOP]);
  });

  it("asks again once a variant's details are older than the time to live", async () => {
    const h = harness();
    await h.gateway.productInfo(SHOP, ["11"]);
    h.advance(PRODUCT_INFO_TTL_MS - 1);
    await h.gateway.productInfo(SHOP, ["11"]);
    h.advance(1);
    await h.gateway.productInfo(SHOP, ["11"]);
    expect(h.asked).toHaveLength(2);
  });

  it("lets concurrent orders share one query", async () => {
    const h = harness();
    h.hold(true);
    const orders = [h.gateway.productInfo(SHOP, ["11", "12"]), h.gateway.productInfo(SHOP, ["12", "11"])];
    h.release();
    const [first, second] = await Promise.all(orders);
    expect(h.asked).toHaveLength(1);
    expect(second).toEqual(first);
  });

  it("after a failure, pauses the shop's lookups, then asks again", async () => {
    const h = harness();
    h.fail(true);
    await expect(h.gateway.productInfo(SHOP, ["11"])).rejects.toThrow("Throttled");
    h.fail(false);
    // Paused: fails at once without asking; another shop is not affected.
    await expect(h.gateway.productInfo(SHOP, ["11"])).rejects.toThrow("paused");
    await expect(h.gateway.productInfo(OTHER_SHOP, ["11"])).resolves.toHaveProperty("size", 1);
    h.advance(PRODUCT_LOOKUP_PAUSE_MS);
    // The failure was not remembered as an answer: the variant is asked again.
    await expect(h.gateway.productInfo(SHOP, ["11"])).resolves.toHaveProperty("size", 1);
    expect(h.asked.map((call) => call.shop)).toEqual([SHOP, OTHER_SHOP, SHOP]);
    expect(h.logged.filter((line) => line.includes("product lookup failed"))).toHaveLength(1);
  });
});
