/// <reference types="@shopify/ui-extensions/purchase.checkout.contact.render-after" />
import { changeField, fakeBackend } from "@diller/extension-kit/testing";
import type { MetafieldChange } from "@shopify/ui-extensions/checkout";
import { getExtension } from "@shopify/ui-extensions-tester";
import { createResult, createStorage } from "@shopify/ui-extensions-tester/checkout";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { config, guest, member } from "./fixtures";

const extension = getExtension("purchase.checkout.contact.render-after");
beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

function backend(memberAnswer: { status: number; body: unknown }, consent = config.consent) {
  extension.fetch = vi.fn(
    fakeBackend({
      "GET /api/checkout/member": memberAnswer,
      "GET /api/checkout/config": { body: { ...config, consent } },
    }).fetch,
  );
}

const boxes = () => [...document.body.querySelectorAll("s-checkbox")];

async function tick(box: unknown, checked: boolean) {
  await changeField(box, { checked });
}

test("guests see both boxes with the built-in texts and the privacy-policy link", async () => {
  backend(guest);
  await extension.render();
  await waitFor(() => expect(boxes()).toHaveLength(2));
  expect(boxes().map((box) => box.getAttribute("label"))).toEqual(["consent.membership", "consent.marketing"]);
  expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe("https://diller.example/privacy");
});

test("the merchant's texts replace the built-in ones", async () => {
  backend(
    { status: 200, body: { status: "not_member" } },
    { ...config.consent, membershipText: "Bli med i Klubben", marketingText: "Send meg tilbud" },
  );
  await extension.render();
  await waitFor(() => expect(boxes()).toHaveLength(2));
  expect(boxes().map((box) => box.getAttribute("label"))).toEqual(["Bli med i Klubben", "Send meg tilbud"]);
});

test("members see nothing", async () => {
  backend(member([]));
  await extension.render();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(boxes()).toHaveLength(0);
});

test("ticking membership writes the $app:diller_consent cart metafield; marketing updates it", async () => {
  backend(guest);
  const apply = vi.fn(async (_change: MetafieldChange) => createResult("applyMetafieldChange"));
  extension.shopify.applyMetafieldChange = apply;
  await extension.render();
  await waitFor(() => expect(boxes()).toHaveLength(2));

  await tick(boxes()[0], true);
  await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
  await tick(boxes()[1], true);
  await waitFor(() => expect(apply).toHaveBeenCalledTimes(2));

  const [first, second] = apply.mock.calls.map(([change]) => change);
  for (const [change, marketing] of [
    [first, false],
    [second, true],
  ] as const) {
    expect(change).toMatchObject({
      type: "updateCartMetafield",
      metafield: { namespace: "$app", key: "diller_consent", type: "json" },
    });
    const value: unknown = change && "metafield" in change ? JSON.parse(change.metafield.value) : null;
    expect(value).toMatchObject({ membership: true, marketing, textVersion: 3 });
    expect(value).toHaveProperty("capturedAt", expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  }
});

test("unticking membership removes the consent", async () => {
  backend(guest);
  const apply = vi.fn(async (_change: MetafieldChange) => createResult("applyMetafieldChange"));
  extension.shopify.applyMetafieldChange = apply;
  await extension.render();
  await waitFor(() => expect(boxes()).toHaveLength(2));
  await tick(boxes()[0], true);
  await waitFor(() => expect(apply).toHaveBeenCalledTimes(1));
  await tick(boxes()[0], false);
  await waitFor(() =>
    expect(apply).toHaveBeenLastCalledWith({ type: "removeCartMetafield", namespace: "$app", key: "diller_consent" }),
  );
});

test("a failed write tells the shopper", async () => {
  backend(guest);
  extension.shopify.applyMetafieldChange = vi.fn(async () =>
    createResult("applyMetafieldChange", { type: "error", message: "internal" }),
  );
  await extension.render();
  await waitFor(() => expect(boxes()).toHaveLength(2));
  await tick(boxes()[0], true);
  await waitFor(() => expect(document.body.textContent).toContain("consent.saveFailed"));
  expect(document.body.textContent).not.toContain("internal");
});

test("without the app's config no consent can be recorded, so nothing is shown", async () => {
  extension.fetch = vi.fn(
    fakeBackend({
      "GET /api/checkout/member": guest,
      "GET /api/checkout/config": { status: 503, body: { error: { code: "unavailable" } } },
    }).fetch,
  );
  await extension.render();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(boxes()).toHaveLength(0);
});

test("the boxes show the saved choice again when the block remounts on a later step", async () => {
  backend(guest);
  extension.shopify.storage = createStorage({ diller_consent_boxes: { membership: true, marketing: true } });
  await extension.render();
  await waitFor(() => expect(boxes()).toHaveLength(2));
  await waitFor(() => expect(boxes().map((box) => box.hasAttribute("checked"))).toEqual([true, true]));
});
