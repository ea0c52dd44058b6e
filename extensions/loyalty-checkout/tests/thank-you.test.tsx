/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { changeField, click, fakeBackend, translateWithOptions, type FakeRoute } from "@diller/extension-kit/testing";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { JOIN_RETRY } from "../src/thank-you/join-retry";

import { config, guest, member } from "./fixtures";

const extension = getExtension("purchase.thank-you.block.render");
beforeEach(() => {
  extension.setUp();
  Object.assign(extension.shopify.i18n, { translate: translateWithOptions });
});
afterEach(() => extension.tearDown());

const text = () => document.body.textContent ?? "";

function backend(memberAnswer: { status: number; body: unknown }, join?: FakeRoute) {
  const fake = fakeBackend({
    "GET /api/checkout/member": memberAnswer,
    "GET /api/checkout/config": { body: config },
    ...(join ? { "POST /api/checkout/join": join } : {}),
  });
  extension.fetch = vi.fn(fake.fetch);
  return fake;
}

async function tickMembership() {
  await changeField(document.body.querySelector("s-checkbox"), { checked: true });
}

const joinButton = () => document.body.querySelector("s-button");

test("members see the points this order earns and their balance", async () => {
  backend(member([]));
  extension.shopify.cost.subtotalAmount.value = { amount: 500, currencyCode: "NOK" };
  await extension.render();
  await waitFor(() => expect(text()).toContain('points.balance {"points":"1200"}'));
  expect(text()).toContain('points.preview {"points":"1000"}');
  expect(joinButton()).toBeNull();
});

test("joining needs the membership box ticked", async () => {
  const fake = backend(guest, { body: { status: "joining" } });
  await extension.render();
  await waitFor(() => expect(joinButton()).not.toBeNull());
  await click(joinButton());
  await waitFor(() =>
    expect(document.body.querySelector("s-checkbox")?.getAttribute("error")).toBe("thankYou.mustAccept"),
  );
  expect(fake.callsTo("POST", "/api/checkout/join")).toHaveLength(0);
});

test("a guest joins in one click with both consents and this order's id", async () => {
  const fake = backend(guest, { body: { status: "joining" } });
  await extension.render();
  await waitFor(() => expect(joinButton()).not.toBeNull());
  await tickMembership();
  const marketing = document.body.querySelectorAll("s-checkbox")[1];
  await waitFor(() => expect(marketing?.hasAttribute("disabled")).toBe(false));
  await changeField(marketing, { checked: true });
  await click(joinButton());
  await waitFor(() => expect(text()).toContain("thankYou.joined"));
  expect(fake.callsTo("POST", "/api/checkout/join")[0]?.body).toEqual({
    orderId: "gid://shopify/Order/1",
    membershipConsent: true,
    marketingConsent: true,
    textVersion: 3,
  });
});

test("a logged-in non-member who turns out to be a member is told so", async () => {
  backend({ status: 200, body: { status: "not_member" } }, { body: { status: "already_member" } });
  await extension.render();
  await waitFor(() => expect(joinButton()).not.toBeNull());
  await tickMembership();
  await click(joinButton());
  await waitFor(() => expect(text()).toContain("thankYou.alreadyMember"));
});

test("a failed join shows the translated error and keeps the form", async () => {
  JOIN_RETRY.delaysMs = [1, 1];
  const fake = backend(guest, { status: 404, body: { error: { code: "not_found" } } });
  await extension.render();
  await waitFor(() => expect(joinButton()).not.toBeNull());
  await tickMembership();
  await click(joinButton());
  await waitFor(() => expect(text()).toContain("errors.not_found"));
  expect(joinButton()).not.toBeNull();
  expect(fake.callsTo("POST", "/api/checkout/join")).toHaveLength(3);
});

test("GIVEN the order's webhook has not reached the app yet WHEN the buyer joins THEN the join is retried until it has", async () => {
  JOIN_RETRY.delaysMs = [1, 1, 1];
  let answers = 0;
  const fake = backend(guest, () =>
    ++answers < 3 ? { status: 404, body: { error: { code: "not_found" } } } : { body: { status: "joining" } },
  );
  const joinCalls = () => fake.callsTo("POST", "/api/checkout/join").length;
  await extension.render();
  await waitFor(() => expect(joinButton()).not.toBeNull());
  await tickMembership();
  await click(joinButton());
  await waitFor(() => expect(text()).toContain("thankYou.joined"));
  expect(joinCalls()).toBe(3);
});

test("a refusal other than not_found is not retried", async () => {
  JOIN_RETRY.delaysMs = [1, 1];
  const fake = backend(guest, { status: 404, body: { error: { code: "not_available" } } });
  await extension.render();
  await waitFor(() => expect(joinButton()).not.toBeNull());
  await tickMembership();
  await click(joinButton());
  await waitFor(() => expect(text()).toContain("errors.not_available"));
  expect(fake.callsTo("POST", "/api/checkout/join")).toHaveLength(1);
});

test("renders nothing when loyalty is unavailable", async () => {
  backend({ status: 503, body: { error: { code: "unavailable" } } });
  await extension.render();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(text()).toBe("");
});
