import type { LoyaltyConsent } from "~/shopify/consent";

import { recordActivity } from "../activity.server";
import { linkCustomer, resolveOrderMember } from "../order-member.server";
import type { OrderFacts } from "./facts.server";
import { saveProgress, usableOrder, type StepRun } from "./run.server";

/** Finds (or, with consent, registers) the order's Diller member; the reason when there is none. */
export async function resolveMember(facts: OrderFacts, run: StepRun): Promise<OrderFacts> {
  const { db, diller, admin, shopRow } = run;
  const { shop, orderId } = facts;
  const { order, raw } = usableOrder(facts);
  // Consent from the order's own `$app` metafield is asked of Shopify only when no member is found
  // without it, and then kept on the record (with the text version the shopper saw).
  let consent: LoyaltyConsent | null = facts.consent;
  const loadConsent = async () => {
    consent ??= await admin.orderConsent(shop, orderId).catch(() => null);
    if (consent && !facts.consent) {
      await db.orderSync.update({ where: { id: run.record.id }, data: { consentJson: JSON.stringify(consent) } });
    }
    return consent;
  };
  const resolution = await resolveOrderMember({
    db,
    diller,
    admin,
    shop,
    order,
    rawOrder: raw,
    consent,
    loadConsent,
    guestEnrollment: shopRow.guestEnrollment,
    departmentId: shopRow.dillerDepartmentId,
  });
  if (!resolution.found) return { ...facts, consent, noMemberReason: resolution.reason };

  // A member found by search is saved with the first side effect (finding changes nothing); a
  // registration is saved at once, so a re-run knows the member joined here.
  const progress = { ...facts.progress, memberId: resolution.memberId, linkedBy: resolution.linkedBy };
  if (resolution.linkedBy === "registered") {
    await saveProgress(run, progress);
    const customerId = order.customer?.id ?? undefined;
    await recordActivity(db, { shop, kind: "MEMBER_REGISTERED", orderId, customerId, at: run.now() });
    if (customerId) await linkCustomer(db, shop, customerId, resolution.memberId, "registered", consent);
  }
  return { ...facts, consent, progress };
}
