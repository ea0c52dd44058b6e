/** The reconciliation sweep of minted checkout codes, against the Diller sandbox. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_MEMBERS, startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { sandboxConnection } from "../../tests/diller-connection";
import { TEST_SHOP } from "../../tests/shopify";
import type { DiscountGateway } from "~/shopify/discounts.server";

import type { ShopifyAdminGateway } from "~/shopify/admin-gateway";
import { silentLogger } from "~/logger.server";

import { markMintedCodesUsed, mintedCouponCodes, sweepStaleMintedCodes } from "./minted-coupons.server";
import { createReconcileHandler } from "./reconcile.server";

const app = await import("~/shopify.server");
let sandbox: RunningSandbox;
const deactivated: string[] = [];
const discounts: DiscountGateway = {
  create: async () => ({ created: true, discountId: "unused" }),
  findByCode: async () => null,
  state: async () => "active",
  deactivate: async (_shop, id) => void deactivated.push(id),
};

beforeAll(async () => {
  sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
  await app.db.shop.create({ data: { shop: TEST_SHOP, ...sandboxConnection(sandbox, app.secrets) } });
});
afterAll(() => sandbox.stop());

async function minted(code: string, dillerCouponId: string, validTo: Date | null = null) {
  await app.db.checkoutCouponCode.create({
    data: {
      shop: TEST_SHOP,
      dillerCouponId,
      dillerCouponCode: `DILLER-${dillerCouponId}`,
      customerId: code,
      memberId: DEMO_MEMBERS.kari,
      code,
      discountId: `gid://shopify/DiscountCodeNode/${code}`,
      status: "ACTIVE",
      validTo,
    },
  });
}

describe("minted checkout codes in the sync engine", () => {
  it("finds the Diller coupon behind an order's code, whatever its case, and marks it used", async () => {
    await minted("DILLER-AAAA", "1");
    expect(await mintedCouponCodes(app.db, TEST_SHOP, ["diller-aaaa", "MERCHANT10"])).toEqual(
      new Map([["DILLER-AAAA", "DILLER-1"]]),
    );
    expect(await mintedCouponCodes(app.db, "other-shop.myshopify.com", ["DILLER-AAAA"])).toEqual(new Map());
    await markMintedCodesUsed(app.db, TEST_SHOP, ["diller-aaaa"]);
    expect(await app.db.checkoutCouponCode.findFirst({ where: { code: "DILLER-AAAA" } })).toMatchObject({
      status: "USED",
    });
  });

  it("deactivates codes whose coupon expired or is no longer the member's, and leaves usable ones", async () => {
    await minted("DILLER-KEEP", "2"); // SUMMER100: Kari can use it
    await minted("DILLER-GONE", "10"); // GOLD20: not among Kari's coupons
    await minted("DILLER-OLD", "8", new Date(Date.now() - 1000)); // MONTHLY5, past the coupon's end
    const diller = app.dillerClientFor(await app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } }));
    const result = await sweepStaleMintedCodes({ db: app.db, discounts, diller }, TEST_SHOP);
    expect(result).toEqual({ examined: 3, deactivated: 2 });
    expect(deactivated.sort()).toEqual([
      "gid://shopify/DiscountCodeNode/DILLER-GONE",
      "gid://shopify/DiscountCodeNode/DILLER-OLD",
    ]);
    const rows = await app.db.checkoutCouponCode.findMany({ where: { shop: TEST_SHOP, status: { not: "USED" } } });
    expect(Object.fromEntries(rows.map((row) => [row.code, [row.status, row.deactivatedReason]]))).toEqual({
      "DILLER-KEEP": ["ACTIVE", null],
      "DILLER-GONE": ["DEACTIVATED", "withdrawn"],
      "DILLER-OLD": ["DEACTIVATED", "expired"],
    });
  });

  it("is part of the reconciliation job", async () => {
    await minted("DILLER-LATER", "11"); // EXPIRED20: not usable any more
    const reconcile = createReconcileHandler({
      db: app.db,
      admin: noOrdersAdmin,
      dispatch: async () => {},
      discounts,
      dillerFor: app.dillerClientFor,
    });
    await reconcile(
      { shop: TEST_SHOP },
      { jobId: "reconcile-1", attempt: 1, maxAttempts: 3, isFinalAttempt: false, logger: silentLogger },
    );
    expect(await app.db.checkoutCouponCode.findFirst({ where: { code: "DILLER-LATER" } })).toMatchObject({
      status: "DEACTIVATED",
      deactivatedReason: "withdrawn",
    });
  });
});

/** The sync engine's Shopify port for a shop whose orders are all known already. */
const noOrdersAdmin: ShopifyAdminGateway = {
  productInfo: async () => new Map(),
  orderConsent: async () => null,
  customerConsent: async () => null,
  storeCustomerConsent: async () => {},
  searchOrders: async () => ({ orders: [], nextCursor: null }),
  countOrders: async () => 0,
};
