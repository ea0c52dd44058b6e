/// <reference types="@shopify/ui-extensions/customer-account.page.render" />
import { changeField, click, fakeBackend, translateWithOptions } from "@diller/extension-kit/testing";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { form, memberDetail } from "./fixtures";

const extension = getExtension("customer-account.page.render");
beforeEach(() => {
  extension.setUp();
  Object.assign(extension.shopify.i18n, { translate: translateWithOptions });
});
afterEach(() => extension.tearDown());

const text = () => document.body.textContent ?? "";
const byId = (id: string) => document.body.querySelector(`#${id}`);

function backend(routes: Parameters<typeof fakeBackend>[0]) {
  let linked = false;
  const fake = fakeBackend({
    "GET /api/account/loyalty": () => ({
      body: linked
        ? { status: "member", member: memberDetail, form }
        : { status: "phone_match", maskedPhone: "+47 ••• •• 432", form },
    }),
    "POST /api/account/phone-link/send": { body: { maskedPhone: "+47 ••• •• 432", sendsLeft: 2 } },
    "POST /api/account/phone-link/verify": (body) => {
      const right = JSON.stringify(body) === '{"code":"123456"}';
      linked = right;
      return right ? { body: { member: memberDetail } } : { status: 422, body: { error: { code: "otp_wrong_code" } } };
    },
    ...routes,
  });
  extension.fetch = vi.fn(fake.fetch);
  return fake;
}

async function sendCode() {
  await extension.render();
  await waitFor(() => expect(byId("otp-send")).not.toBeNull());
  expect(text()).toContain("+47 ••• •• 432");
  await click(byId("otp-send"));
}

test("a phone match links only after the right code; a wrong code links nothing", async () => {
  const fake = backend({});
  await sendCode();
  await waitFor(() => expect(byId("otp-code")).not.toBeNull());
  await changeField(byId("otp-code"), { value: "000000" });
  await click(byId("otp-verify"));
  await waitFor(() => expect(byId("otp-code")?.getAttribute("error")).toBe("errors.otp_wrong_code"));
  expect(text()).not.toContain("member.points");
  await changeField(byId("otp-code"), { value: "123456" });
  await click(byId("otp-verify"));
  await waitFor(() => expect(text()).toContain("phoneLink.linked"));
  expect(text()).toContain('member.points {"points":"1250"}');
  expect(fake.callsTo("POST", "/api/account/phone-link/verify")).toHaveLength(2);
});

test("an expired code asks for a new one", async () => {
  backend({ "POST /api/account/phone-link/verify": { status: 422, body: { error: { code: "otp_expired" } } } });
  await sendCode();
  await waitFor(() => expect(byId("otp-code")).not.toBeNull());
  await changeField(byId("otp-code"), { value: "123456" });
  await click(byId("otp-verify"));
  await waitFor(() => expect(byId("otp-code")?.getAttribute("error")).toBe("errors.otp_expired"));
  expect(byId("otp-verify")?.hasAttribute("disabled")).toBe(true);
  expect(byId("otp-resend")).not.toBeNull();
});

test("too many sends says when to try again", async () => {
  backend({
    "POST /api/account/phone-link/send": {
      status: 429,
      body: { error: { code: "rate_limited", retryAfterSeconds: 90 } },
    },
  });
  await sendCode();
  await waitFor(() => expect(text()).toContain('errors.rate_limited otp.retryAfter {"seconds":90}'));
  expect(byId("otp-code")).toBeNull();
});

test("too many tries says when to try again", async () => {
  backend({
    "POST /api/account/phone-link/verify": {
      status: 429,
      body: { error: { code: "rate_limited", retryAfterSeconds: 30 } },
    },
  });
  await sendCode();
  await waitFor(() => expect(byId("otp-code")).not.toBeNull());
  await changeField(byId("otp-code"), { value: "123456" });
  await click(byId("otp-verify"));
  await waitFor(() =>
    expect(byId("otp-code")?.getAttribute("error")).toBe('errors.rate_limited otp.retryAfter {"seconds":30}'),
  );
});
