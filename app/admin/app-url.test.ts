import { describe, expect, it } from "vitest";

import { inAppUrl } from "./app-url";

describe("inAppUrl", () => {
  it.each([
    {
      from: "https://app.example/app?embedded=1&shop=s.myshopify.com&host=aG9zdA&id_token=t&locale=nb",
      to: "/app/onboarding",
      expected: "/app/onboarding?embedded=1&shop=s.myshopify.com&host=aG9zdA&id_token=t&locale=nb",
    },
    { from: "https://app.example/app/onboarding?_data=routes%2Fapp.onboarding", to: "/app", expected: "/app" },
    { from: "https://app.example/app?index&_data=routes%2Fapp._index", to: "/app/settings", expected: "/app/settings" },
    {
      from: "https://app.example/app/onboarding?step=connect&shop=s",
      to: "/app/onboarding?step=department",
      expected: "/app/onboarding?step=department&shop=s",
    },
  ])("$from → $to", ({ from, to, expected }) => {
    expect(inAppUrl(from, to)).toBe(expected);
  });
});
