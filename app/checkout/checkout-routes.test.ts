/** The checkout routes as the extensions call them: identity, CORS, config, member, refusals. */
import { describe, expect, it } from "vitest";

import {
  apply,
  app,
  call,
  COUPON,
  couponsOf,
  creates,
  KARI,
  routes,
  STRANGER,
  useCheckoutFixture,
  type Route,
} from "./testing/checkout-fixture";
import { extensionRequest, TEST_SHOP } from "../../tests/shopify";

const f = useCheckoutFixture();

describe("every checkout route: session token and CORS", () => {
  const all: [string, Route, string][] = [
    ["config", routes.config.loader, "/api/checkout/config"],
    ["member", routes.member.loader, "/api/checkout/member"],
    ["apply", routes.apply.action, "/api/checkout/coupons/apply"],
    ["validate", routes.validate.action, "/api/checkout/coupons/validate"],
    ["join", routes.join.action, "/api/checkout/join"],
  ];

  it.each(all)("%s: a missing token gets 401 with CORS headers", async (_name, route, path) => {
    const response = await call(route, path, { withToken: false, body: {} });
    expect(response.status).toBe(401);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.body).toEqual({ error: { code: "unauthenticated" } });
  });

  it.each(all)("%s: an expired token gets 401 with CORS headers", async (_name, route, path) => {
    const response = await call(route, path, { expiresIn: -60, customerGid: KARI, body: {} });
    expect(response.status).toBe(401);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it.each([
    ["config", routes.config.loader, "/api/checkout/config"],
    ["apply", routes.apply.loader, "/api/checkout/coupons/apply"],
    ["join", routes.join.loader, "/api/checkout/join"],
  ] as [string, Route, string][])("%s: the preflight is answered 204 with CORS headers", async (_name, route, path) => {
    const response = await route({
      request: await extensionRequest(path, { method: "OPTIONS", withToken: false }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });
});

describe("GET /api/checkout/config", () => {
  it("gives a guest the consent texts, the version, the privacy policy and the points ratio", async () => {
    await app.db.shop.update({
      where: { shop: TEST_SHOP },
      data: { membershipConsentText: "Bli medlem", consentTextVersion: 3 },
    });
    const response = await call(routes.config.loader, "/api/checkout/config");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      consent: {
        membershipText: "Bli medlem",
        marketingText: null,
        textVersion: 3,
        privacyPolicyUrl: "https://example.com/privacy",
      },
      pointsPerCurrencyUnit: 1,
      currency: "NOK",
    });
  });

  it("answers 404 not_available for a shop that is not connected", async () => {
    const response = await call(routes.config.loader, "/api/checkout/config", { shop: "other-shop.myshopify.com" });
    expect(response).toMatchObject({ status: 404, body: { error: { code: "not_available" } } });
  });
});

describe("GET /api/checkout/member", () => {
  it("refuses a guest with 403 login_required", async () => {
    const response = await call(routes.member.loader, "/api/checkout/member");
    expect(response).toMatchObject({ status: 403, body: { error: { code: "login_required" } } });
  });

  it("tells a customer without a Diller member so (join prompt)", async () => {
    const response = await call(routes.member.loader, "/api/checkout/member", { customerGid: STRANGER });
    expect(response).toMatchObject({ status: 200, body: { status: "not_member" } });
  });

  it("lists the member's coupons that checkout can apply, with no Admin API call", async () => {
    const before = f.adminApi.calls.length;
    const response = await call(routes.member.loader, "/api/checkout/member", { customerGid: KARI });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "member", member: { firstName: "Kari", points: 1200 } });
    const coupons = couponsOf(response.body);
    const kinds = Object.fromEntries(coupons.map((coupon) => [coupon.id, coupon.kind]));
    expect(kinds).toMatchObject({
      [COUPON.welcome]: "percentage",
      [COUPON.summer]: "fixed_amount",
      [COUPON.freeShip]: "free_shipping",
      [COUPON.socks]: "percentage",
    });
    // A gift without a discount type and a product coupon for products Shopify does not know are hidden.
    expect(kinds[COUPON.autoGift]).toBeUndefined();
    expect(kinds[COUPON.coffee]).toBeUndefined();
    expect(f.adminApi.calls.length).toBe(before);
  });
});

describe("POST /api/checkout/coupons/apply", () => {
  it("refuses a guest (403 login_required), a non-member (409) and another member's coupon (403 forbidden)", async () => {
    expect((await apply(COUPON.welcome, null)).body).toEqual({ error: { code: "login_required" } });
    expect(await apply(COUPON.welcome, STRANGER)).toMatchObject({
      status: 409,
      body: { error: { code: "not_member" } },
    });
    expect(await apply(COUPON.gold)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(creates(f.adminApi)).toHaveLength(0);
  });

  it("names the missing field", async () => {
    const response = await call(routes.apply.action, "/api/checkout/coupons/apply", { customerGid: KARI, body: {} });
    expect(response).toMatchObject({
      status: 422,
      body: { error: { code: "invalid_input", fields: { couponId: "required" } } },
    });
  });
});
