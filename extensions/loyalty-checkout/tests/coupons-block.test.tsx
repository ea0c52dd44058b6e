/// <reference types="@shopify/ui-extensions/purchase.checkout.block.render" />
import { fakeBackend } from "@diller/extension-kit/testing";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { config, coupon, member } from "./fixtures";

const extension = getExtension("purchase.checkout.block.render");
beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

test("the checkout-editor block renders the same coupons UI", async () => {
  const fake = fakeBackend({
    "GET /api/checkout/member": member([coupon()]),
    "GET /api/checkout/config": { body: config },
  });
  extension.fetch = vi.fn(fake.fetch);
  await extension.render();
  await waitFor(() => expect(document.body.textContent).toContain("Summer 20%"));
  expect(document.body.querySelector("s-button")?.textContent).toBe("coupons.apply");
});
