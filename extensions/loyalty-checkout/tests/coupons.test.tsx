/// <reference types="@shopify/ui-extensions/purchase.checkout.reductions.render-after" />
import { click, fakeBackend, translateWithOptions } from "@diller/extension-kit/testing";
import { getExtension } from "@shopify/ui-extensions-tester";
import { createResult } from "@shopify/ui-extensions-tester/checkout";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { config, coupon, guest, member } from "./fixtures";

const extension = getExtension("purchase.checkout.reductions.render-after");

beforeEach(() => {
  extension.setUp();
  Object.assign(extension.shopify.i18n, { translate: translateWithOptions });
});
afterEach(() => extension.tearDown());

function backend(memberAnswer: { status: number; body: unknown }, extra = {}) {
  const fake = fakeBackend({
    "GET /api/checkout/member": memberAnswer,
    "GET /api/checkout/config": { body: config },
    "POST /api/checkout/coupons/validate": { body: { invalid: [] } },
    ...extra,
  });
  extension.fetch = vi.fn(fake.fetch);
  return fake;
}

const text = () => document.body.textContent ?? "";
const buttons = () => [...document.body.querySelectorAll("s-button")];

describe("coupons states", () => {
  test("shows a placeholder while loading", async () => {
    extension.fetch = vi.fn(() => new Promise<Response>(() => {}));
    await extension.render();
    expect(document.body.querySelector("s-skeleton-paragraph")).not.toBeNull();
  });

  test("invites a guest to log in, never asks for an e-mail", async () => {
    backend(guest);
    await extension.render();
    await waitFor(() => expect(text()).toContain("coupons.loginPrompt"));
    expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe(
      "https://mock-shop.myshopify.com/account/login",
    );
    expect(document.body.querySelector("s-email-field, s-text-field")).toBeNull();
  });

  test("points a logged-in non-member to joining", async () => {
    backend({ status: 200, body: { status: "not_member" } });
    await extension.render();
    await waitFor(() => expect(text()).toContain("coupons.joinPrompt"));
  });

  test.each([
    ["Diller down", () => backend({ status: 503, body: { error: { code: "unavailable" } } })],
    [
      "network failure",
      () => {
        extension.fetch = vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));
      },
    ],
  ])("stays quiet when loyalty is unavailable (%s)", async (_name, arrange) => {
    arrange();
    await extension.render();
    await waitFor(() => expect(text()).toContain("coupons.unavailable"));
    expect(document.body.querySelector("s-banner")).toBeNull();
  });

  test("lists a member's coupons with value, description, validity and image", async () => {
    backend(member([coupon(), coupon({ id: "102", title: "Free delivery", kind: "free_shipping", value: null })]));
    await extension.render();
    await waitFor(() => expect(text()).toContain("Summer 20%"));
    expect(text()).toContain('coupon.percentOff {"percent":"20"}');
    expect(text()).toContain("20% off everything");
    expect(text()).toContain('coupon.validUntil {"date":"2027-03-01T00:00:00.000Z"}');
    expect(text()).toContain("coupon.freeShipping");
    expect(document.body.querySelector("s-image")?.getAttribute("src")).toBe("https://cdn.example/summer.png");
    expect(buttons().map((button) => button.textContent)).toEqual(["coupons.apply", "coupons.apply"]);
  });

  test("says so when a member has no coupons", async () => {
    backend(member([]));
    await extension.render();
    await waitFor(() => expect(text()).toContain("coupons.none"));
  });

  test("previews the points this order earns from the store's ratio and the subtotal", async () => {
    backend(member([]));
    extension.shopify.cost.subtotalAmount.value = { amount: 149.5, currencyCode: "NOK" };
    await extension.render();
    await waitFor(() => expect(text()).toContain('points.preview {"points":"299"}'));
  });
});

describe("apply and remove", () => {
  test("mints the code with the app, then applies it to the checkout with the session token", async () => {
    const fake = backend(member([coupon()]), { "POST /api/checkout/coupons/apply": { body: { code: "DLR-ABC123" } } });
    const apply = vi.fn(async () => createResult("applyDiscountCodeChange"));
    extension.shopify.applyDiscountCodeChange = apply;
    await extension.render();
    await waitFor(() => expect(buttons()).toHaveLength(1));
    await click(buttons()[0]);
    await waitFor(() => expect(apply).toHaveBeenCalledWith({ type: "addDiscountCode", code: "DLR-ABC123" }));
    const [call] = fake.callsTo("POST", "/api/checkout/coupons/apply");
    expect(call?.body).toEqual({ couponId: "101" });
    expect(call?.authorization).toBe("Bearer mock-session-token");
    expect(call?.url.origin).toBe("https://example.com");
  });

  test("checks canUpdateDiscountCodes before minting anything", async () => {
    const fake = backend(member([coupon()]));
    extension.shopify.instructions.value = {
      ...extension.shopify.instructions.value,
      discounts: { canUpdateDiscountCodes: false },
    };
    await extension.render();
    await waitFor(() => expect(buttons()).toHaveLength(1));
    await click(buttons()[0]);
    await waitFor(() => expect(text()).toContain("coupons.locked"));
    expect(fake.callsTo("POST", "/api/checkout/coupons/apply")).toHaveLength(0);
  });

  test("shows a buyer-friendly message when Diller refuses the coupon", async () => {
    backend(member([coupon()]), {
      "POST /api/checkout/coupons/apply": { status: 422, body: { error: { code: "coupon_refused" } } },
    });
    const apply = vi.fn(async () => createResult("applyDiscountCodeChange"));
    extension.shopify.applyDiscountCodeChange = apply;
    await extension.render();
    await waitFor(() => expect(buttons()).toHaveLength(1));
    await click(buttons()[0]);
    await waitFor(() => expect(text()).toContain("errors.coupon_refused"));
    expect(apply).not.toHaveBeenCalled();
  });

  test("never shows applyDiscountCodeChange's debug message", async () => {
    backend(member([coupon()]), { "POST /api/checkout/coupons/apply": { body: { code: "DLR-ABC123" } } });
    extension.shopify.applyDiscountCodeChange = vi.fn(async () =>
      createResult("applyDiscountCodeChange", { type: "error", message: "DiscountCodeInvalid: internal detail" }),
    );
    await extension.render();
    await waitFor(() => expect(buttons()).toHaveLength(1));
    await click(buttons()[0]);
    await waitFor(() => expect(text()).toContain("coupons.notAccepted"));
    expect(text()).not.toContain("internal detail");
  });

  test("removes an applied coupon's code", async () => {
    backend(member([coupon({ appliedCode: "DLR-ABC123" })]));
    extension.shopify.discountCodes.value = [{ code: "dlr-abc123" }];
    const change = vi.fn(async () => createResult("applyDiscountCodeChange"));
    extension.shopify.applyDiscountCodeChange = change;
    await extension.render();
    await waitFor(() => expect(buttons().map((button) => button.textContent)).toEqual(["coupons.remove"]));
    await click(buttons()[0]);
    await waitFor(() => expect(change).toHaveBeenCalledWith({ type: "removeDiscountCode", code: "DLR-ABC123" }));
  });
});

describe("validation before payment", () => {
  test("removes a code the app reports invalid and tells the shopper why", async () => {
    const fake = backend(member([]), {
      "POST /api/checkout/coupons/validate": { body: { invalid: [{ code: "DLR-OLD", reason: "expired" }] } },
    });
    extension.shopify.discountCodes.value = [{ code: "DLR-OLD" }, { code: "SUMMER" }];
    const change = vi.fn(async () => createResult("applyDiscountCodeChange"));
    extension.shopify.applyDiscountCodeChange = change;
    await extension.render();
    await waitFor(() => expect(change).toHaveBeenCalledWith({ type: "removeDiscountCode", code: "DLR-OLD" }));
    expect(fake.callsTo("POST", "/api/checkout/coupons/validate")[0]?.body).toEqual({ codes: ["DLR-OLD", "SUMMER"] });
    await waitFor(() => expect(text()).toContain("coupons.invalid.expired"));
    expect(change).toHaveBeenCalledTimes(1);
  });

  test("does not call the app when no code is applied", async () => {
    const fake = backend(member([]));
    await extension.render();
    await waitFor(() => expect(text()).toContain("coupons.none"));
    expect(fake.callsTo("POST", "/api/checkout/coupons/validate")).toHaveLength(0);
  });

  async function interceptorWith(settings: Record<string, boolean>) {
    let interceptor: Parameters<typeof extension.shopify.buyerJourney.intercept>[0] | undefined;
    extension.shopify.buyerJourney.intercept = vi.fn(async (fn) => {
      interceptor = fn;
      return () => {};
    });
    extension.shopify.settings.value = settings;
    extension.shopify.discountCodes.value = [{ code: "DLR-OLD" }];
    backend(member([]), {
      "POST /api/checkout/coupons/validate": { body: { invalid: [{ code: "DLR-OLD", reason: "used" }] } },
    });
    await extension.render();
    await waitFor(() => expect(interceptor).toBeDefined());
    return interceptor;
  }

  test("blocks payment only when the merchant turned blocking on and the checkout allows it", async () => {
    const interceptor = await interceptorWith({ block_invalid_coupons: true });
    await expect(interceptor?.({ canBlockProgress: true })).resolves.toMatchObject({ behavior: "block" });
    await expect(interceptor?.({ canBlockProgress: false })).resolves.toEqual({ behavior: "allow" });
  });

  test("never blocks by default", async () => {
    const interceptor = await interceptorWith({});
    await expect(interceptor?.({ canBlockProgress: true })).resolves.toEqual({ behavior: "allow" });
  });
});
