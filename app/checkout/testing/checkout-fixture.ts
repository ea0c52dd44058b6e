/**
 * Shared setup of the checkout route tests: the real route modules and composition root, the Diller
 * sandbox on loopback, Shopify's discounts in the fake Admin API (queries and variables validated
 * against the 2026-07 schema), Kari (a sandbox member) logged in as customer 7001.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll } from "vitest";
import { z } from "zod";

import { DEMO_MEMBERS, startDillerSandbox, type RunningSandbox } from "@diller/diller-sandbox";
import { sandboxConnection } from "../../../tests/diller-connection";
import { installFakeAdminApi, type FakeAdminApi } from "../../../tests/shopify-admin-fake";
import { fakeDiscounts, type FakeDiscounts } from "../../../tests/shopify-discounts-fake";
import { extensionRequest, offlineSession, TEST_SHOP, type ExtensionRequestOptions } from "../../../tests/shopify";

export const app = await import("~/shopify.server");
export const routes = {
  config: await import("~/routes/api.checkout.config"),
  member: await import("~/routes/api.checkout.member"),
  apply: await import("~/routes/api.checkout.coupons.apply"),
  validate: await import("~/routes/api.checkout.coupons.validate"),
  join: await import("~/routes/api.checkout.join"),
};

export const KARI = "gid://shopify/Customer/7001";
export const STRANGER = "gid://shopify/Customer/7002";
/** Sandbox coupon ids: WELCOME10 (percentage), SUMMER100 (fixed), FREESHIP, MONTHLY5, GOLD20 (not Kari's). */
export const COUPON = {
  welcome: "1",
  summer: "2",
  freeShip: "3",
  coffee: "4",
  birthday: "6",
  monthly: "8",
  autoGift: "9",
  gold: "10",
  /** Added here: 30 % off two Shopify products. */
  socks: "50",
};

export interface CheckoutFixture {
  sandbox: RunningSandbox;
  adminApi: FakeAdminApi;
  discounts: FakeDiscounts;
}

/** Registers beforeAll/afterAll; the returned object is filled once beforeAll ran. */
export function useCheckoutFixture(): CheckoutFixture {
  const fixture = {} as CheckoutFixture;
  beforeAll(async () => {
    fixture.sandbox = await startDillerSandbox({ logger: { info: () => {}, warn: () => {}, error: () => {} } });
    fixture.discounts = fakeDiscounts();
    fixture.adminApi = installFakeAdminApi(fixture.discounts.resolvers, { validateVariables: true });
    await app.sessionStorage.storeSession(offlineSession());
    await app.db.shop.create({ data: { shop: TEST_SHOP, ...sandboxConnection(fixture.sandbox, app.secrets) } });
    await app.db.customerLink.create({
      data: { shop: TEST_SHOP, customerId: "7001", memberId: DEMO_MEMBERS.kari, state: "LINKED" },
    });
    const store = fixture.sandbox.state.stores.find(
      (candidate) => candidate.id === fixture.sandbox.credentials.storeId,
    );
    store?.coupons.push({
      active: true,
      definition: {
        id: Number(COUPON.socks),
        code: "SOCKS30",
        title: "30 % off socks",
        type: "Standard",
        discount_type: "Percentage",
        discount_value: 30,
        max_redemptions: 1,
        product_ids: ["8123456789", "gid://shopify/Product/8123456790"],
        valid_from: new Date(Date.now() - 86_400_000).toISOString(),
        valid_to: "2030-01-31T23:00:00.000Z",
      },
    });
    store?.members
      .find((member) => member.id === DEMO_MEMBERS.kari)
      ?.coupons.push({ couponId: Number(COUPON.socks), timesRedeemed: 0, assignedAt: new Date().toISOString() });
  });
  afterAll(async () => {
    fixture.adminApi.uninstall();
    await fixture.sandbox.stop();
  });
  return fixture;
}

export type Route = (args: LoaderFunctionArgs) => Promise<Response>;

/** Calls a route with a signed extension request; the JSON body or null. */
export async function call(route: Route, path: string, options: ExtensionRequestOptions = {}) {
  const response = await route({ request: await extensionRequest(path, options), params: {}, context: {} });
  const body: unknown = await response.json().catch(() => null);
  return { status: response.status, headers: response.headers, body };
}

/** POST /api/checkout/coupons/apply as Kari, another customer, or (`null`) a guest. */
export function apply(couponId: string, customerGid: string | null = KARI) {
  return call(routes.apply.action, "/api/checkout/coupons/apply", {
    customerGid: customerGid ?? undefined,
    body: { couponId },
  });
}

/** The code an apply answered (fails the test when there is none). */
export function codeOf(response: { body: unknown }): string {
  const body = response.body;
  if (typeof body === "object" && body !== null && "code" in body && typeof body.code === "string") return body.code;
  throw new Error(`no code in ${JSON.stringify(body)}`);
}

/** The discount create calls the app sent to the Admin API. */
export function creates(adminApi: FakeAdminApi) {
  return adminApi.calls.filter(
    (entry) => entry.operation.startsWith("DillerDiscountCode") && entry.operation.endsWith("Create"),
  );
}

const CouponList = z.object({
  coupons: z.array(z.object({ id: z.string(), kind: z.string(), appliedCode: z.string().nullable() })),
});

/** The coupons of a member answer (fails the test when the answer has none). */
export function couponsOf(body: unknown) {
  return CouponList.parse(body).coupons;
}
