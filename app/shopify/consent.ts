import { z } from "zod";

/**
 * The two loyalty consents a shopper gives at checkout or on the join page: membership (the
 * loyalty terms / GDPR consent, required to be enrolled) and marketing (offers by email and SMS).
 * They are kept apart everywhere: joining never implies marketing consent.
 *
 * Where consent is trusted from (docs/decisions/012-consent-sources.md):
 * - the cart metafield `$app:diller_consent`, written by the checkout extension and copied to the
 *   order. It is read through the Admin API as `$app`, which Shopify resolves to THIS app's own
 *   namespace (`app--<this app's id>`), so no other app can write it. Orders fetched through the
 *   Admin API (reconciliation, backfill) carry it as a `$app` metafield in their payload;
 * - an authenticated extension call (the thank-you page's join route), stored on the order's
 *   sync record.
 * Never trusted: the `_diller_consent` cart attribute (any script or app can set a cart attribute)
 * and metafields of any `app--…` namespace in a payload (it cannot be told from another app's).
 */
export const CONSENT_METAFIELD_KEY = "diller_consent";
/** The cart attribute older checkouts wrote; ignored (see above), named so tests can forge it. */
export const UNTRUSTED_CONSENT_ATTRIBUTE = "_diller_consent";
/** The namespace the app's own Admin API reads report its metafield under. */
export const OWN_METAFIELD_NAMESPACE = "$app";

export const ConsentSchema = z.object({
  membership: z.boolean(),
  marketing: z.boolean().default(false),
  capturedAt: z.string().optional(),
  /** Which consent text the shopper saw (the extension writes a number, older records a string). */
  textVersion: z.union([z.string(), z.number()]).transform(String).optional().catch(undefined),
  /** Where it was given: the checkout's cart metafield or the thank-you page. */
  source: z.enum(["checkout", "thank-you"]).optional().catch(undefined),
});

export type LoyaltyConsent = z.infer<typeof ConsentSchema>;

/** Parses consent JSON from a metafield value; anything malformed means no consent. */
export function parseConsent(value: unknown): LoyaltyConsent | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = ConsentSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const Metafields = z.array(z.object({ namespace: z.string(), key: z.string(), value: z.unknown() })).catch([]);

/** Consent carried by an order payload: only the app's own `$app` metafield counts. */
export function consentFromOrderPayload(payload: unknown): LoyaltyConsent | null {
  if (typeof payload !== "object" || payload === null) return null;
  const record: Record<string, unknown> = { ...payload };
  const metafield = Metafields.parse(record.metafields ?? []).find(
    (field) => field.key === CONSENT_METAFIELD_KEY && field.namespace === OWN_METAFIELD_NAMESPACE,
  );
  const consent = parseConsent(metafield?.value);
  return consent ? { ...consent, source: consent.source ?? "checkout" } : null;
}
