import { AppProvider } from "@shopify/polaris";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { I18nProvider } from "~/i18n/I18nProvider";
import type { Locale } from "~/i18n/locales";
import { polarisTranslations } from "~/i18n/polaris";

import type { MemberView } from "~/admin/views";
import { MemberCard } from "./MemberCard";

const member: MemberView = {
  id: "m1",
  name: "Kari Nordmann",
  email: "kari@example.com",
  phone: "+4712345678",
  points: 1250,
  level: "Gold",
  nextLevel: "Platinum",
  pointsToNextLevel: 1,
  levelExpires: "2027-01-31T00:00:00Z",
  consents: { membership: true, orderHistory: true, sms: false, email: true },
  coupons: [],
  stampCards: [{ title: "Coffee", collected: 3, required: 1 }],
  links: [
    {
      customerId: "42",
      state: "LINKED",
      linkedBy: "email",
      membershipConsent: true,
      marketingConsent: false,
      updatedAt: "2026-11-01T10:00:00Z",
    },
    {
      customerId: "43",
      state: "SOMETHING_NEW",
      linkedBy: null,
      membershipConsent: false,
      marketingConsent: false,
      updatedAt: "2026-11-01T10:00:00Z",
    },
  ],
  partialProblem: null,
};

function render(locale: Locale): string {
  return renderToString(
    <AppProvider i18n={polarisTranslations[locale]}>
      <I18nProvider locale={locale} timeZone="Europe/Oslo">
        <MemberCard member={member} />
      </I18nProvider>
    </AppProvider>,
  ).replace(/<!-- -->/g, "");
}

describe("MemberCard", () => {
  it.each([
    ["en", ["State: Linked", "1 point to Platinum", "Coffee: 3 of 1 stamp", "1,250", "Matched by email"]],
    ["nb", ["Status: Koblet", "1 poeng til Platinum", "Coffee: 3 av 1 stempel", "1\u00a0250", "Funnet via e-post"]],
    ["sv", ["Status: Kopplad", "1 poäng till Platinum", "Coffee: 3 av 1 stämpel", "1\u00a0250", "Matchad via e-post"]],
    ["da", ["Status: Knyttet", "1 point til Platinum", "Coffee: 3 af 1 stempel", "1.250", "Fundet via e-mail"]],
  ] as const)("renders the member in %s, link states included", (locale, texts) => {
    const html = render(locale);
    for (const text of texts) expect(html).toContain(text);
  });

  it("shows a link state it does not know as stored", () => {
    expect(render("sv")).toContain("Status: SOMETHING_NEW");
  });
});
