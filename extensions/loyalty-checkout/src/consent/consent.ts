import type { CartConsentMetafield } from "@diller/storefront-contract";

/** The cart metafield the sync engine reads back from the order (`$app:diller_consent`, copied to the order). */
export const CONSENT_NAMESPACE = "$app";
export const CONSENT_KEY = "diller_consent";

/** Pure: the change to send for the boxes' state. Unticking membership removes the consent entirely. */
export function consentChange(membership: boolean, marketing: boolean, textVersion: number, now: Date) {
  if (!membership) return { type: "removeCartMetafield" as const, namespace: CONSENT_NAMESPACE, key: CONSENT_KEY };
  const value: CartConsentMetafield = { membership: true, marketing, textVersion, capturedAt: now.toISOString() };
  return {
    type: "updateCartMetafield" as const,
    metafield: { namespace: CONSENT_NAMESPACE, key: CONSENT_KEY, type: "json", value: JSON.stringify(value) },
  };
}
