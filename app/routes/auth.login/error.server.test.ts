import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { describe, expect, it } from "vitest";

import { createTranslator } from "~/i18n/translate";

import { loginErrorMessage } from "./error.server";

describe("loginErrorMessage", () => {
  it.each([
    [{ shop: LoginErrorType.MissingShop }, { shop: { key: "login.errors.missingShop" } }],
    [{ shop: LoginErrorType.InvalidShop }, { shop: { key: "login.errors.invalidShop" } }],
    [{}, {}],
    [undefined, {}],
  ])("%j → %j", (errors, expected) => {
    expect(loginErrorMessage(errors)).toEqual(expected);
  });

  it("reads in the merchant's language", () => {
    const { shop } = loginErrorMessage({ shop: LoginErrorType.InvalidShop });
    expect(shop && createTranslator("sv").render(shop)).toBe(
      "Ange en giltig butiksdomän, till exempel example.myshopify.com.",
    );
  });
});
