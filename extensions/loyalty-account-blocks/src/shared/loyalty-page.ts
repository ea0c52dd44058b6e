/** Link to the "My loyalty" full page (extension handle `loyalty-account-page`). */
export const LOYALTY_PAGE_URL = "shopify://customer-account/extension/loyalty-account-page";
