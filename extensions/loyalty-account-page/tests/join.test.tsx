/// <reference types="@shopify/ui-extensions/customer-account.page.render" />
import { changeField, click, fakeBackend } from "@diller/extension-kit/testing";
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, expect, test, vi } from "vitest";

import { form, memberDetail } from "./fixtures";

const extension = getExtension("customer-account.page.render");
beforeEach(() => extension.setUp());
afterEach(() => extension.tearDown());

const text = () => document.body.textContent ?? "";
const byId = (id: string) => document.body.querySelector(`#${id}`);
const errorOf = (id: string) => byId(id)?.getAttribute("error") ?? null;

function backend(join: Parameters<typeof fakeBackend>[0][string] = { body: { member: memberDetail } }) {
  const fake = fakeBackend({
    "GET /api/account/loyalty": { body: { status: "not_member", form } },
    "POST /api/account/join": join,
  });
  extension.fetch = vi.fn(fake.fetch);
  return fake;
}

async function renderForm() {
  await extension.render();
  await waitFor(() => expect(byId("submit-profile")).not.toBeNull());
}

test("the join form prefills the account's e-mail and renders every segment type, consents last", async () => {
  backend();
  await renderForm();
  expect(byId("email")?.getAttribute("value")).toBe("kari@example.com");
  expect(byId("firstName")?.getAttribute("value")).toBe("Kari");
  expect(byId("segment-1")?.tagName).toBe("S-TEXT-FIELD");
  expect(byId("segment-2")?.tagName).toBe("S-DATE-FIELD");
  expect(byId("segment-3")?.tagName).toBe("S-CHOICE-LIST");
  expect(byId("segment-3")?.hasAttribute("multiple")).toBe(false);
  expect(byId("segment-4")?.tagName).toBe("S-CHOICE-LIST");
  expect(byId("segment-4")?.hasAttribute("multiple")).toBe(true);
  expect(byId("segment-5")?.tagName).toBe("S-SELECT");
  expect([...(byId("segment-5")?.querySelectorAll("s-option") ?? [])].map((o) => o.textContent)).toEqual([
    "—",
    "S",
    "M",
  ]);
  const order = [...document.body.querySelectorAll("[id]")].map((element) => element.id);
  expect(order.indexOf("consent-membership")).toBeGreaterThan(order.indexOf("segment-5"));
  expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe("https://diller.example/privacy");
});

test("required fields, required segments and the membership consent are enforced before sending", async () => {
  const fake = backend();
  await renderForm();
  await changeField(byId("firstName"), { value: " " });
  await changeField(byId("email"), { value: "not-an-email" });
  await changeField(byId("phoneNumber"), { value: "12" });
  await changeField(byId("birthDate"), { value: "1990-02-30" });
  await click(byId("submit-profile"));
  expect(errorOf("firstName")).toBe("fieldErrors.required");
  expect(errorOf("email")).toBe("fieldErrors.invalid_email");
  expect(errorOf("phoneNumber")).toBe("fieldErrors.invalid_phone");
  expect(errorOf("birthDate")).toBe("fieldErrors.invalid_date");
  expect(errorOf("segment-1")).toBe("fieldErrors.required");
  expect(errorOf("segment-3")).toBe("fieldErrors.required");
  expect(errorOf("segment-4")).toBeNull();
  expect(errorOf("consent-membership")).toBe("fieldErrors.must_accept");
  expect(text()).toContain("form.fixErrors");
  expect(fake.callsTo("POST", "/api/account/join")).toHaveLength(0);
});

async function fillValidForm() {
  await changeField(byId("phoneNumber"), { value: "987 65 432" });
  await changeField(byId("segment-1"), { value: "Oslo City" });
  await changeField(byId("segment-2"), { value: "2018-04-01" });
  await changeField(byId("segment-3"), { values: ["a"] });
  await changeField(byId("segment-4"), { values: ["x", "y"] });
  await changeField(byId("segment-5"), { value: "m" });
  await changeField(byId("consent-membership"), { checked: true });
  await changeField(byId("consent-marketingEmail"), { checked: true });
}

test("joining sends the profile, every segment answer and the consents, then shows the member page", async () => {
  const fake = backend();
  await renderForm();
  await fillValidForm();
  await click(byId("submit-profile"));
  await waitFor(() => expect(text()).toContain("form.joined"));
  expect(fake.callsTo("POST", "/api/account/join")[0]?.body).toEqual({
    profile: {
      firstName: "Kari",
      lastName: "Nordmann",
      email: "kari@example.com",
      phone: { countryCode: "+47", number: "98765432" },
      birthDate: null,
      gender: null,
      address: null,
    },
    segments: [
      { id: "1", value: "Oslo City" },
      { id: "2", value: "2018-04-01" },
      { id: "3", optionIds: ["a"] },
      { id: "4", optionIds: ["x", "y"] },
      { id: "5", optionIds: ["m"] },
    ],
    consents: { membership: true, marketingEmail: true, marketingSms: false, keepOrderHistory: true },
    textVersion: 4,
  });
  expect(text()).toContain("member.points");
});

test("the server's field errors are shown at their fields", async () => {
  backend({
    status: 422,
    body: {
      error: {
        code: "invalid_input",
        fields: { "profile.email": "invalid_email", "segments.1": "too_long", "address.zipCode": "required" },
      },
    },
  });
  await renderForm();
  await fillValidForm();
  await click(byId("submit-profile"));
  await waitFor(() => expect(errorOf("email")).toBe("fieldErrors.invalid_email"));
  expect(errorOf("segment-1")).toBe("fieldErrors.too_long");
  expect(errorOf("zipCode")).toBe("fieldErrors.required");
});

test("joining twice answers already_member with a translated message", async () => {
  backend({ status: 409, body: { error: { code: "already_member" } } });
  await renderForm();
  await fillValidForm();
  await click(byId("submit-profile"));
  await waitFor(() => expect(text()).toContain("errors.already_member"));
});
