/// <reference types="@shopify/ui-extensions/customer-account.page.render" />
import { click, changeField, fakeBackend, translateWithOptions } from "@diller/extension-kit/testing";
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

function backend(extra = {}) {
  const fake = fakeBackend({
    "GET /api/account/loyalty": { body: { status: "member", member: memberDetail, form } },
    ...extra,
  });
  extension.fetch = vi.fn(fake.fetch);
  return fake;
}

test("a member sees points, level, progress, expiry, coupons, stamp cards, activity and consents", async () => {
  const fake = backend();
  await extension.render();
  await waitFor(() => expect(text()).toContain('member.points {"points":"1250"}'));
  expect(document.body.querySelector("s-page")?.getAttribute("heading")).toBe("name");
  expect(text()).toContain('member.level {"level":"Silver"}');
  expect(text()).toContain('member.toNextLevel {"points":"750","level":"Gold"}');
  expect(document.body.querySelector("s-progress")?.getAttribute("value")).toBe("0.625");
  expect(text()).toContain("member.levelExpires");
  expect(text()).toContain("Birthday 15%");
  expect(text()).toContain("member.useAtCheckout");
  expect(text()).toContain('member.stamps {"collected":3,"required":10}');
  expect(text()).toContain('member.activity.purchase {"order":"#1001"}');
  expect(text()).toContain("form.consents.marketingSms: member.no");
  expect(fake.calls[0]?.authorization).toBe("Bearer mock-session-token");
});

test("shows a translated error when the app cannot answer", async () => {
  extension.fetch = vi.fn(
    fakeBackend({ "GET /api/account/loyalty": { status: 503, body: { error: { code: "unavailable" } } } }).fetch,
  );
  await extension.render();
  await waitFor(() => expect(text()).toContain("errors.unavailable"));
});

test("editing sends the same fields, segments and consents to /profile and shows the result", async () => {
  const fake = backend({
    "POST /api/account/profile": (body: unknown) => ({
      body: { member: { ...memberDetail, points: 1300 }, echo: body },
    }),
  });
  await extension.render();
  await waitFor(() => expect(byId("edit-membership")).not.toBeNull());
  await click(byId("edit-membership"));
  await changeField(byId("segment-3"), { values: ["b"] });
  await changeField(byId("consent-marketingSms"), { checked: true });
  await click(byId("submit-profile"));
  await waitFor(() => expect(text()).toContain("form.saved"));
  expect(fake.callsTo("POST", "/api/account/profile")[0]?.body).toEqual({
    profile: memberDetail.profile,
    segments: [
      { id: "1", value: "Oslo City" },
      { id: "3", optionIds: ["b"] },
    ],
    consents: { membership: true, marketingEmail: true, marketingSms: true, keepOrderHistory: true },
    textVersion: 4,
  });
  expect(text()).toContain('member.points {"points":"1300"}');
});

test("a phone change goes through the one-time code", async () => {
  const fake = backend({
    "POST /api/account/phone-change/start": { body: {} },
    "POST /api/account/phone-change/confirm": (body: unknown) =>
      JSON.stringify(body).includes('"code":"1234"')
        ? {
            body: {
              member: {
                ...memberDetail,
                profile: { ...memberDetail.profile, phone: { countryCode: "+46", number: "701234567" } },
              },
            },
          }
        : { status: 422, body: { error: { code: "otp_wrong_code" } } },
  });
  await extension.render();
  await waitFor(() => expect(byId("change-phone")).not.toBeNull());
  await click(byId("change-phone"));
  await changeField(byId("new-phone-country"), { value: "+46" });
  await changeField(byId("new-phone-number"), { value: "70 123 45 67" });
  await click(byId("phone-change-send"));
  await waitFor(() => expect(byId("otp-code")).not.toBeNull());
  expect(fake.callsTo("POST", "/api/account/phone-change/start")[0]?.body).toEqual({
    phone: { countryCode: "+46", number: "701234567" },
  });
  await changeField(byId("otp-code"), { value: "9999" });
  await click(byId("otp-verify"));
  await waitFor(() => expect(byId("otp-code")?.getAttribute("error")).toBe("errors.otp_wrong_code"));
  await changeField(byId("otp-code"), { value: "1234" });
  await click(byId("otp-verify"));
  await waitFor(() => expect(text()).toContain("phoneChange.changed"));
});

test("leaving asks for confirmation before deleting the membership", async () => {
  const fake = backend({ "POST /api/account/leave": { body: { left: true } } });
  await extension.render();
  await waitFor(() => expect(byId("leave-program")).not.toBeNull());
  await click(byId("leave-program"));
  expect(text()).toContain("leave.warning");
  await changeField(byId("leave-reason"), { value: "Too many e-mails" });
  await click(byId("leave-continue"));
  expect(fake.callsTo("POST", "/api/account/leave")).toHaveLength(0);
  await click(byId("leave-confirm"));
  await waitFor(() => expect(text()).toContain("leave.left"));
  expect(fake.callsTo("POST", "/api/account/leave")[0]?.body).toEqual({ confirm: true, reason: "Too many e-mails" });
});

test("cancelling leave keeps the membership", async () => {
  const fake = backend();
  await extension.render();
  await waitFor(() => expect(byId("leave-program")).not.toBeNull());
  await click(byId("leave-program"));
  await click(byId("leave-cancel"));
  expect(byId("leave-program")).not.toBeNull();
  expect(fake.callsTo("POST", "/api/account/leave")).toHaveLength(0);
});
