/** Apply and validate: minting customer-scoped Shopify codes for Diller coupons, idempotently. */
import { describe, expect, it } from "vitest";

import { DEMO_MEMBERS } from "@diller/diller-sandbox";
import { TEST_SHOP } from "../../tests/shopify";
import {
  apply,
  app,
  call,
  codeOf,
  COUPON,
  creates,
  couponsOf,
  KARI,
  routes,
  STRANGER,
  useCheckoutFixture,
} from "./testing/checkout-fixture";

const f = useCheckoutFixture();

describe("POST /api/checkout/coupons/apply: minting", () => {
  it.each([
    [
      "percentage",
      COUPON.welcome,
      "DillerDiscountCodeBasicCreate",
      { customerGets: { items: { all: true }, value: { percentage: 0.1 } } },
    ],
    [
      "fixed amount",
      COUPON.summer,
      "DillerDiscountCodeBasicCreate",
      {
        customerGets: {
          items: { all: true },
          value: { discountAmount: { amount: "100.00", appliesOnEachItem: false } },
        },
      },
    ],
    ["free shipping", COUPON.freeShip, "DillerDiscountCodeFreeShippingCreate", { destination: { all: true } }],
    [
      "product-specific",
      COUPON.socks,
      "DillerDiscountCodeBasicCreate",
      {
        customerGets: {
          items: {
            products: { productsToAdd: ["gid://shopify/Product/8123456789", "gid://shopify/Product/8123456790"] },
          },
          value: { percentage: 0.3 },
        },
        endsAt: "2030-01-31T23:00:00.000Z",
      },
    ],
  ])("mints a %s coupon as a code for this customer only, single use", async (_kind, couponId, operation, specific) => {
    const response = await apply(couponId);
    expect(response.status).toBe(200);
    const code = codeOf(response);
    expect(code).toMatch(/^DILLER-[A-Z2-9]{10}$/);
    const created = f.adminApi.calls.filter((entry) => entry.operation === operation).at(-1);
    expect(created?.variables.input).toMatchObject({
      code,
      context: { customers: { add: [KARI] } },
      usageLimit: 1,
      appliesOncePerCustomer: true,
      combinesWith: { productDiscounts: false, orderDiscounts: false, shippingDiscounts: true },
      ...specific,
    });
    expect(f.adminApi.invalid).toEqual([]);
    const row = await app.db.checkoutCouponCode.findFirst({ where: { shop: TEST_SHOP, code } });
    expect(row).toMatchObject({
      customerId: "7001",
      memberId: DEMO_MEMBERS.kari,
      status: "ACTIVE",
      dillerCouponId: couponId,
    });
    expect(row?.discountId).toBe(f.discounts.byCode(code)?.id);
  });

  it("reuses the code on a second apply, and the member list shows it as applied", async () => {
    const first = await apply(COUPON.welcome);
    const count = creates(f.adminApi).length;
    const second = await apply(COUPON.welcome);
    expect(codeOf(second)).toBe(codeOf(first));
    expect(creates(f.adminApi)).toHaveLength(count);
    const member = await call(routes.member.loader, "/api/checkout/member", { customerGid: KARI });
    const coupons = couponsOf(member.body);
    expect(coupons.find((coupon) => coupon.id === COUPON.welcome)?.appliedCode).toBe(codeOf(first));
  });

  it("mints ONE Shopify code for 20 concurrent applies of the same coupon", async () => {
    const count = creates(f.adminApi).length;
    const responses = await Promise.all(Array.from({ length: 20 }, () => apply(COUPON.monthly)));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(new Set(responses.map(codeOf)).size).toBe(1);
    expect(creates(f.adminApi)).toHaveLength(count + 1);
    expect(await app.db.checkoutCouponCode.count({ where: { shop: TEST_SHOP, dillerCouponId: COUPON.monthly } })).toBe(
      1,
    );
  });

  it("mints a new code when the merchant deleted the old discount", async () => {
    const first = await apply(COUPON.freeShip);
    f.discounts.remove(codeOf(first));
    const second = await apply(COUPON.freeShip);
    expect(second.status).toBe(200);
    expect(codeOf(second)).not.toBe(codeOf(first));
    expect(f.discounts.byCode(codeOf(second))).toBeDefined();
  });

  it("recovers a crashed claim: the code it created in Shopify is adopted, not duplicated", async () => {
    // A request claimed coupon MONTHLY5 for a second customer, created the discount, then died.
    await app.db.customerLink.create({
      data: { shop: TEST_SHOP, customerId: "7003", memberId: DEMO_MEMBERS.kari, state: "LINKED" },
    });
    await app.db.checkoutCouponCode.create({
      data: {
        shop: TEST_SHOP,
        dillerCouponId: COUPON.welcome,
        dillerCouponCode: "WELCOME10",
        customerId: "7003",
        memberId: DEMO_MEMBERS.kari,
        code: "DILLER-CRASHED001",
        status: "MINTING",
        claimToken: "dead",
        claimedAt: new Date(Date.now() - 60_000),
      },
    });
    f.discounts.resolvers.DillerDiscountCodeBasicCreate?.({ input: { code: "DILLER-CRASHED001" } }, TEST_SHOP);
    const response = await apply(COUPON.welcome, "gid://shopify/Customer/7003");
    expect(response.body).toEqual({ code: "DILLER-CRASHED001" });
    expect(f.discounts.all().filter((discount) => discount.code === "DILLER-CRASHED001")).toHaveLength(1);
    const row = await app.db.checkoutCouponCode.findFirst({ where: { code: "DILLER-CRASHED001" } });
    expect(row).toMatchObject({ status: "ACTIVE", discountId: f.discounts.byCode("DILLER-CRASHED001")?.id });
  });

  it("answers 422 coupon_refused when Diller refuses the coupon (reserved by another order), minting nothing", async () => {
    const diller = app.dillerClientFor(await app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } }));
    await diller.coupons.reserveCoupon({
      memberId: DEMO_MEMBERS.kari,
      couponCode: "BIRTHDAY200",
      reservation: { channel: "OnlineStore", external_transaction_id: "another-order" },
    });
    const count = creates(f.adminApi).length;
    expect(await apply(COUPON.birthday)).toMatchObject({ status: 422, body: { error: { code: "coupon_refused" } } });
    expect(creates(f.adminApi)).toHaveLength(count);
  });
});

describe("POST /api/checkout/coupons/validate", () => {
  const validate = (codes: string[], customerGid: string | null = KARI) =>
    call(routes.validate.action, "/api/checkout/coupons/validate", {
      customerGid: customerGid ?? undefined,
      body: { codes },
    });

  it("ignores codes the app did not mint and another customer's codes", async () => {
    const minted = codeOf(await apply(COUPON.welcome));
    expect((await validate(["SUMMERSALE", minted.toLowerCase()])).body).toEqual({ invalid: [] });
    expect((await validate([minted], STRANGER)).body).toEqual({ invalid: [] });
    expect((await validate([minted], null)).body).toEqual({ invalid: [] });
  });

  it("deactivates a code whose coupon Diller no longer accepts and reports it", async () => {
    const code = codeOf(await apply(COUPON.summer));
    const diller = app.dillerClientFor(await app.db.shop.findUniqueOrThrow({ where: { shop: TEST_SHOP } }));
    await diller.coupons.reserveCoupon({
      memberId: DEMO_MEMBERS.kari,
      couponCode: "SUMMER100",
      reservation: { channel: "OnlineStore", external_transaction_id: "a-pos-sale" },
    });
    const response = await validate([code]);
    expect(response.body).toEqual({ invalid: [{ code, reason: "refused" }] });
    expect(f.discounts.byCode(code)?.status).toBe("EXPIRED");
    expect(await app.db.checkoutCouponCode.findFirst({ where: { code } })).toMatchObject({ status: "DEACTIVATED" });
    // Asked again, it stays invalid without another deactivation.
    const deactivations = f.adminApi.calls.filter((entry) => entry.operation === "DillerDiscountCodeDeactivate").length;
    expect((await validate([code])).body).toEqual({ invalid: [{ code, reason: "refused" }] });
    expect(f.adminApi.calls.filter((entry) => entry.operation === "DillerDiscountCodeDeactivate")).toHaveLength(
      deactivations,
    );
  });
});
