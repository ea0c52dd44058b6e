import type { LoginError } from "@shopify/shopify-app-remix/server";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";

export interface LoginErrorMessage {
  shop?: string;
}

export const INVALID_SHOP: LoginErrorMessage = { shop: "Please enter a valid shop domain to log in" };

export function loginErrorMessage(loginErrors: LoginError | undefined): LoginErrorMessage {
  if (loginErrors?.shop === LoginErrorType.MissingShop) return { shop: "Please enter your shop domain to log in" };
  if (loginErrors?.shop === LoginErrorType.InvalidShop) return INVALID_SHOP;
  return {};
}
