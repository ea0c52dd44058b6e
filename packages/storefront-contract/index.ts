/**
 * The HTTP contract between the app's storefront routes (`app/routes/api.checkout.*`,
 * `app/routes/api.account.*`) and the checkout and customer-account UI extensions.
 *
 * Types only: both sides import it with `import type`, so nothing here reaches a bundle. The server
 * validates every request body with zod against these shapes; the extensions trust nothing but the
 * status code and these shapes.
 *
 * Rules for every route:
 * - The extension sends `Authorization: Bearer <shopify.sessionToken.get()>`; JSON bodies.
 * - The shop comes only from the token's `dest`, the customer only from its `sub`; never from the body.
 * - Every answer, errors and the OPTIONS preflight included, carries CORS headers.
 * - Errors are `{ error: StorefrontError }` with the status listed at each code. Texts are never sent:
 *   the extension translates the code (and a field error's code) into the shopper's language.
 * - Money is a decimal string in the shop's currency ("149.50"); dates are ISO 8601 strings.
 */

export type * from "./errors";
export type * from "./shared";
export type * from "./checkout";
export type * from "./account-member";
export type * from "./account-routes";
