/// <reference types="@shopify/ui-extensions/customer-account.profile.block.render" />
import { fakeBackend, translateWithOptions } from "@diller/extension-kit/testing";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

const extension = getExtension("customer-account.profile.block.render");
beforeEach(() => {
  extension.setUp();
  Object.assign(extension.shopify.i18n, { translate: translateWithOptions });
});
afterEach(() => extension.tearDown());

const text = () => document.body.textContent ?? "";
const form = {
  prefill: {},
  segments: [],
  consent: { membershipText: null, marketingText: null, textVersion: 1, privacyPolicyUrl: null },
};

function answer(body: unknown, status = 200) {
  extension.fetch = vi.fn(fakeBackend({ "GET /api/account/loyalty": { status, body } }).fetch);
}

test("members see points and level and a link to the loyalty page", async () => {
  answer({ status: "member", member: { points: 1250, levelTitle: "Silver" }, form });
  await extension.render();
  await waitFor(() => expect(text()).toContain('profile.points {"points":"1250"}'));
  expect(text()).toContain('profile.level {"level":"Silver"}');
  expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe(
    "shopify://customer-account/extension/loyalty-account-page",
  );
});

test.each([
  ["not_member", "profile.join"],
  ["phone_match", "profile.phoneMatch"],
])("%s customers are pointed to the loyalty page", async (status, key) => {
  answer({ status, maskedPhone: "+47 ••• •• 432", form });
  await extension.render();
  await waitFor(() => expect(text()).toContain(key));
  expect(document.body.querySelector("s-link")).not.toBeNull();
});

test("renders nothing when the app is unavailable", async () => {
  answer({ error: { code: "unavailable" } }, 503);
  await extension.render();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(text()).toBe("");
});
