export { APP_URL } from "./app-url";
export { createStorefrontClient, joinUrl, DEFAULT_TIMEOUT_MS } from "./client";
export type { ApiResult, StorefrontClient, StorefrontClientOptions } from "./client";
export { FIELD_ERROR_CODES, STOREFRONT_ERROR_CODES, parseStorefrontError } from "./errors";
export {
  couponValidityText,
  couponValueText,
  createExtensionI18n,
  errorKey,
  estimatePoints,
  formatDay,
  formatPoints,
  t,
} from "./format";
export type { ExtensionI18n, I18nLike } from "./format";
export { checkedOf, valueOf, valuesOf } from "./events";
