import type { LoginError } from "@shopify/shopify-app-remix/server";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";

import { message, type Message } from "~/i18n/translate";

export interface LoginErrorMessage {
  shop?: Message;
}

export const INVALID_SHOP: LoginErrorMessage = { shop: message("login.errors.invalidShop") };

export function loginErrorMessage(loginErrors: LoginError | undefined): LoginErrorMessage {
  if (loginErrors?.shop === LoginErrorType.MissingShop) return { shop: message("login.errors.missingShop") };
  if (loginErrors?.shop === LoginErrorType.InvalidShop) return INVALID_SHOP;
  return {};
}
