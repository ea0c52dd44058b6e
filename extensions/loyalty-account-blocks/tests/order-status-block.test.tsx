/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { fakeBackend, translateWithOptions } from "@diller/extension-kit/testing";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

const extension = getExtension("customer-account.order-status.block.render");
beforeEach(() => {
  extension.setUp();
  Object.assign(extension.shopify.i18n, { translate: translateWithOptions });
});
afterEach(() => extension.tearDown());

const text = () => document.body.textContent ?? "";

function answer(body: unknown, status = 200) {
  const fake = fakeBackend({ "GET /api/account/order-points": { status, body } });
  extension.fetch = vi.fn(fake.fetch);
  return fake;
}

test.each([
  [{ status: "booked", points: 499 }, 'order.booked {"points":"499"}'],
  [{ status: "booked", points: null }, "order.bookedUnknown"],
  [{ status: "pending", points: 120 }, 'order.pending {"points":"120"}'],
  [{ status: "pending", points: null }, "order.pendingUnknown"],
])("shows the order's points (%o)", async (body, expected) => {
  const fake = answer(body);
  await extension.render();
  await waitFor(() => expect(text()).toBe(expected));
  expect(fake.calls[0]?.url.searchParams.get("orderId")).toBe("gid://shopify/Order/1");
});

test.each([
  ["not booked", { status: "not_booked", points: null }, 200],
  ["an error", { error: { code: "forbidden" } }, 403],
])("renders nothing for %s", async (_name, body, status) => {
  answer(body, status);
  await extension.render();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(text()).toBe("");
});
