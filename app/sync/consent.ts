import { z } from "zod";

/**
 * The two loyalty consents a shopper gives at checkout or on the join page: membership (the
 * loyalty terms / GDPR consent, required to be enrolled) and marketing (offers by email and SMS).
 * They are kept apart everywhere: joining never implies marketing consent.
 *
 * Written by the checkout extension as JSON, to the cart metafield `$app:diller_consent` (copied to
 * the order) and, as a fallback that always reaches the webhook payload, to the cart attribute
 * `_diller_consent` (an order note attribute).
 */
export const CONSENT_METAFIELD_KEY = "diller_consent";
export const CONSENT_ATTRIBUTE = "_diller_consent";

export const ConsentSchema = z.object({
  membership: z.boolean(),
  marketing: z.boolean().default(false),
  capturedAt: z.string().optional(),
  /** Which consent text the shopper saw. */
  textVersion: z.string().optional(),
});

export type LoyaltyConsent = z.infer<typeof ConsentSchema>;

/** Parses consent JSON from a metafield or attribute value; anything malformed means no consent. */
export function parseConsent(value: unknown): LoyaltyConsent | null {
  if (typeof value !== "string") return null;
  try {
    const parsed = ConsentSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const NoteAttributes = z.array(z.object({ name: z.string(), value: z.unknown() })).catch([]);
const Metafields = z.array(z.object({ namespace: z.string(), key: z.string(), value: z.unknown() })).catch([]);

/** Consent carried by an order payload: its app metafield when present, else the note attribute. */
export function consentFromOrderPayload(payload: unknown): LoyaltyConsent | null {
  if (typeof payload !== "object" || payload === null) return null;
  const record: Record<string, unknown> = { ...payload };
  const metafield = Metafields.parse(record.metafields ?? []).find(
    (field) =>
      field.key === CONSENT_METAFIELD_KEY && (field.namespace.startsWith("app--") || field.namespace === "$app"),
  );
  const fromMetafield = parseConsent(metafield?.value);
  if (fromMetafield) return fromMetafield;
  const attribute = NoteAttributes.parse(record.note_attributes ?? []).find(
    (entry) => entry.name === CONSENT_ATTRIBUTE,
  );
  return parseConsent(attribute?.value);
}
